import type { ReactNode } from 'react';
import type { ActionContext, Notice } from '../actions/context.js';
import type { Engine } from '../docker/client.js';
import type { DetachKeys } from '../format/detach-keys.js';
import type { PromptLine } from '../components/status-line.js';
import type { IdsOf, Scope } from '../keymap/keymap.js';
import type { Snapshot, Store } from '../store/store.js';
import type { DashboardModel } from './dashboard/dashboard-model.js';
import type { DashboardState } from './dashboard/dashboard-state.js';

/** Where a screen draws: in place of the dashboard's body, or only in the status line (a prompt, a filter). */
export type Layer = 'body' | 'status';

/** A list key as a screen gets it: which one, and how tall the screen is (a page is about that). */
export interface Step {
	readonly kind: 'up' | 'down' | 'pageUp' | 'pageDown' | 'first' | 'last';
	/** Rows the screen draws in. */
	readonly height: number;
}

export type { PromptLine } from '../components/status-line.js';

/** A task that reports its progress to the status line and ends with a notice. */
export type Task = (report: (progress: string) => void) => Promise<Notice | undefined>;

/** What every screen can use of the app: the engine, the store, the settings, the status line. */
export interface AppServices {
	readonly store: Store;
	readonly engine: Engine;
	/** What actions get: the engine, the terminal hand-over, the detach keys, read-only. */
	readonly action: ActionContext;
	readonly readOnly: boolean;
	readonly detachKeys: DetachKeys;
	readonly logBuffer: number;
	readonly dockerContext?: string;
	/** Connects to another docker context; resolves with a problem to show, or undefined once switched. */
	readonly switchContext?: (name: string) => Promise<string | undefined>;
	/** The store's snapshot as it is now (not as it was when a screen was opened). */
	snapshot(): Snapshot;
	/** The dashboard as last drawn: the selected container and image, the filtered lists. */
	model(): DashboardModel;
	/** The dashboard at the bottom of the stack: its state, and a way to change it. */
	readonly dashboard: { state(): DashboardState; update(fn: (state: DashboardState) => DashboardState): void };
	notice(notice: Notice | undefined): void;
	/** Runs one task at a time, its progress and result in the status line. */
	perform(task: Task): void;
	/** Things that outlive a screen (a build goes on when its view is left), by name. */
	keep<T>(name: string, make: () => T): T;
}

/** What a screen's handlers get: its own state as it is now, a way to change it, and the app. */
export interface ScreenContext<S> {
	readonly state: S;
	/** Changes this screen's state; once the screen is closed it does nothing (a late answer is dropped). */
	update(fn: (state: S) => S): void;
	/** Closes this screen (it is disposed) and shows what is below it. */
	close(): void;
	/** Opens a screen on top of this one; its context, for work that finishes later (a load). */
	open<T>(screen: Screen<T, any>, state: T): ScreenContext<T>;
	readonly app: AppServices;
}

/** What a screen's render gets: its state, its box, the app, and its context for effects (a folder read, a late submit). */
export interface RenderProps<S> {
	readonly state: S;
	readonly width: number;
	readonly height: number;
	readonly app: AppServices;
	readonly ctx: ScreenContext<S>;
}

/** One handler per action of the screen's own scopes: a key-table row without a handler does not compile. */
export type Handlers<S, Own extends Scope> = { readonly [Id in IdsOf<Own>]: (ctx: ScreenContext<S>) => void };

/**
 * A screen: a view, a dialog, a form or a prompt, with everything it needs in one module. The app
 * keeps a stack of them (the dashboard at the bottom), sends each key to the top one, and draws the
 * top body screen with the top status screen over the status line.
 */
export interface Screen<S, Own extends Scope = Scope> {
	readonly name: string;
	readonly layer: Layer;
	/** Its scopes in force, most specific first; the app adds 'always'. */
	scopes(state: S): readonly Scope[];
	/** Every scope list it can be in, for the key conflict checks. */
	readonly stacks: readonly (readonly Scope[])[];
	/** Its handlers ('list' keys go to move, 'views' and 'always' keys to the app). */
	readonly keys: Handlers<S, Own>;
	/** The list keys (↑↓ PgUp PgDn g G) of a screen with a cursor or a scroll. */
	move?(ctx: ScreenContext<S>, step: Step): void;
	/** A key that is no binding: typing into a field. */
	type?(ctx: ScreenContext<S>, text: string, erase: boolean): void;
	/** What the status line says beside the key hints while it is on top. */
	status?(state: S, app: AppServices): string | undefined;
	/** A status-line screen that asks something: the question and what is typed. */
	prompt?(state: S): PromptLine;
	/** The action that leaves it: its hint stays in the footer however narrow. */
	readonly close?: IdsOf<Own>;
	/** Draws over the status line too (the key help). */
	readonly fullScreen?: boolean;
	/** What a body screen draws (a status-line screen draws through `prompt` and `status`). */
	render?(props: RenderProps<S>): ReactNode;
	/** Lets go of what it holds (a log stream) when it is closed or the app goes. */
	dispose?(state: S): void;
}

/** A screen of any state, as the stack holds them (each entry keeps the state its own screen made). */
export type AnyScreen = Screen<any, any>;
