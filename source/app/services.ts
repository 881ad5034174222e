import { useRef, type RefObject } from 'react';
import type { ActionContext } from '../actions/context.js';
import type { DashboardModel } from '../screens/dashboard/dashboard-model.js';
import type { DashboardState } from '../screens/dashboard/dashboard-state.js';
import type { AppServices } from '../screens/screen.js';
import type { Notice } from '../actions/context.js';
import type { Engine } from '../docker/client.js';
import type { DetachKeys } from '../format/detach-keys.js';
import type { Store } from '../store/store.js';
import type { ScreenStack } from './stack.js';
import type { useTasks } from './tasks.js';

export interface AppProps {
	readonly store: Store;
	readonly engine: Engine;
	readonly readOnly: boolean;
	/** The engine is marked production in the config. */
	readonly production?: boolean;
	/** The docker context the engine came from. */
	readonly dockerContext?: string;
	/** Connects to another docker context and shows it (: key); resolves with a problem, or undefined once switched. */
	readonly onSwitchContext?: (name: string) => Promise<string | undefined>;
	readonly detachKeys: DetachKeys;
	readonly logBuffer: number;
	/** A warning to show once at start (a bad setting that was replaced by its default). */
	readonly startupNotice?: Notice;
	/** `dockdeck build PATH`: the build form's values; the build starts once they check out. */
	readonly initialBuild?: Readonly<Record<string, string>>;
	/** --learn: start with the learn pane open. */
	readonly learn?: boolean;
}

/** What the app is made of that screens may use (see AppServices). */
export interface ServiceParts {
	readonly props: AppProps;
	readonly stack: ScreenStack;
	readonly model: RefObject<DashboardModel | null>;
	readonly tasks: ReturnType<typeof useTasks>;
	readonly suspendTerminal: (fn: () => Promise<void>) => Promise<void>;
}

/** The app's services for its screens: the engine, the store, the settings, the status line, the dashboard. */
export function useAppServices({ props, stack, model, tasks, suspendTerminal }: ServiceParts): AppServices {
	const kept = useRef(new Map<string, unknown>());
	const { store, engine, readOnly, detachKeys, logBuffer, dockerContext, onSwitchContext } = props;
	const action: ActionContext = {
		engine,
		terminal: { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr },
		suspend: fn => suspendTerminal(fn),
		detachKeys,
		readOnly,
	};
	return {
		store,
		engine,
		action,
		readOnly,
		detachKeys,
		logBuffer,
		dockerContext,
		switchContext: onSwitchContext,
		perform: tasks.perform,
		notice: tasks.setNotice,
		snapshot: () => store.getSnapshot(),
		model: () => model.current!,
		dashboard: { state: () => stack.bottom().state as DashboardState, update: fn => stack.update(stack.bottom().key, fn) },
		keep: <T>(name: string, make: () => T) => {
			if (!kept.current.has(name)) kept.current.set(name, make());
			return kept.current.get(name) as T;
		},
	};
}
