import type { AnyScreen, AppServices, Screen, ScreenContext } from '../screens/screen.js';

/** One screen on the stack, with the state its screen keeps. */
export interface Entry {
	/** Unique for the app's life: an update aimed at a closed screen finds nothing. */
	readonly key: number;
	readonly screen: AnyScreen;
	readonly state: unknown;
}

/**
 * The screens the person has open, the dashboard at the bottom: a view, a dialog, a form or a
 * prompt on top of it. Changes apply at once (so each key of a burst sees what the key before it
 * left) and are announced to the app, which draws again.
 */
export class ScreenStack {
	private list: readonly Entry[];
	private next = 1;

	constructor(
		bottom: AnyScreen,
		state: unknown,
		private readonly changed: () => void,
	) {
		this.list = [{ key: 0, screen: bottom as AnyScreen, state }];
	}

	get entries(): readonly Entry[] {
		return this.list;
	}

	top(): Entry {
		return this.list.at(-1)!;
	}

	/** The top screen that draws the body (a status-line screen, such as a prompt, draws over the one below). */
	topBody(): Entry {
		return [...this.list].reverse().find(e => e.screen.layer === 'body')!;
	}

	bottom(): Entry {
		return this.list[0]!;
	}

	push<S>(screen: Screen<S, any>, state: S): Entry {
		const entry: Entry = { key: this.next++, screen: screen as AnyScreen, state };
		this.list = [...this.list, entry];
		this.changed();
		return entry;
	}

	/** Closes a screen (never the dashboard) and every screen above it, disposing each. */
	close(key: number): void {
		const at = this.list.findIndex(e => e.key === key);
		if (at <= 0) return;
		const gone = this.list.slice(at);
		this.list = this.list.slice(0, at);
		for (const entry of gone.reverse()) entry.screen.dispose?.(entry.state);
		this.changed();
	}

	update<S>(key: number, fn: (state: S) => S): void {
		const at = this.list.findIndex(e => e.key === key);
		if (at < 0) return;
		const entry = this.list[at]!;
		const state = fn(entry.state as S);
		if (state === entry.state) return;
		const list = [...this.list];
		list[at] = { ...entry, state };
		this.list = list;
		this.changed();
	}

	/** The state of a screen as it is now, or undefined once it is closed. */
	stateOf(key: number): unknown {
		return this.list.find(e => e.key === key)?.state;
	}

	/** Lets every screen go (the app is leaving, or another engine takes over). */
	disposeAll(): void {
		for (const entry of [...this.list].reverse()) entry.screen.dispose?.(entry.state);
	}

	/** What a screen's handlers work with: its state as it is now, and the ways to change things. */
	contextFor<S>(entry: Entry, app: AppServices): ScreenContext<S> {
		const stack = this;
		return {
			get state() {
				return (stack.stateOf(entry.key) ?? entry.state) as S;
			},
			update: fn => stack.update(entry.key, fn),
			close: () => stack.close(entry.key),
			open: (screen, state) => stack.contextFor(stack.push(screen, state), app),
			app,
		};
	}
}
