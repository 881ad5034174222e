import { render } from 'ink';
import { useState } from 'react';
import { App, type AppProps } from './app/app.js';

export { checkKeymap } from './screens/registry.js';
import { injectFault, startStep, traceKeys, traceStartWrites } from './diagnostics.js';
import { TONE_COLOR } from './components/table.js';
import type { Tone } from './format/container-mode.js';
import { T } from './i18n/index.js';

/** What changes when the user switches context: the engine, its store, and the settings that come with it. */
export type Session = Pick<AppProps, 'store' | 'engine' | 'readOnly' | 'production' | 'dockerContext'>;

/** Holds the session; a context switch connects first, and only then replaces it (the old one is closed). */
function Root({
	first,
	rest,
	open,
	current,
}: {
	readonly first: Session;
	readonly rest: Omit<AppProps, keyof Session>;
	readonly open: (context: string) => Promise<Session>;
	readonly current: { session: Session };
}) {
	const [session, setSession] = useState(first);
	const switchContext = async (name: string): Promise<string | undefined> => {
		let next: Session;
		try {
			next = await open(name);
		} catch (error) {
			return T.misc.streams.switchFailed(
				name,
				error instanceof Error ? error.message : String(error),
				current.session.dockerContext ?? 'default',
			);
		}
		const old = current.session;
		current.session = next;
		old.store.stop();
		old.engine.close();
		setSession(next);
		return undefined;
	};
	// a new key: every view, form and log stream of the old engine goes with it
	return (
		<App
			key={`${session.dockerContext}|${session.engine.endpoint.address}`}
			{...rest}
			{...session}
			initialBuild={session === first ? rest.initialBuild : undefined}
			onSwitchContext={switchContext}
		/>
	);
}

/** How Ink draws the dashboard (the executable's snapshot draws it once the same way: warm-up.tsx). */
export const DRAWING = {
	// stdin and stdout are TTYs (checked before): Ink would otherwise go non-interactive whenever CI is set
	interactive: true,
	alternateScreen: true,
	incrementalRendering: true,
	maxFps: 30,
	exitOnCtrlC: false,
} as const;

/** Draws the dashboard until the user quits or a signal ends it; leaves the terminal as it found it. */
export async function showDashboard(
	props: AppProps,
	theme: Partial<Record<Tone, string>> = {},
	open?: (context: string) => Promise<Session>,
): Promise<void> {
	const { store, engine, readOnly, production, dockerContext, ...rest } = props;
	const current = { session: { store, engine, readOnly, production, dockerContext } as Session };
	Object.assign(TONE_COLOR, theme);
	traceKeys(process.env.DOCKDECK_TRACE_KEYS);
	traceStartWrites();
	const app = open ? <Root first={current.session} rest={rest} open={open} current={current} /> : <App {...props} />;
	const instance = render(app, { ...DRAWING, patchConsole: true });
	startStep('first-render-done');

	let leaving = false;
	const leave = (code: number, message?: string) => {
		if (leaving) return;
		leaving = true;
		current.session.store.stop();
		current.session.engine.close();
		instance.unmount();
		instance.cleanup();
		if (message) process.stderr.write(`dockdeck: ${message}\n`);
		// give Ink one tick to write the terminal restore sequences; raw mode is switched off here as
		// well, since Ink does it in an effect clean-up that can run after this tick
		setImmediate(() => {
			try {
				if (process.stdin.isTTY) process.stdin.setRawMode(false);
			} catch {
				// the terminal is gone (a hang-up): nothing to restore
			}
			process.exit(code);
		});
	};
	for (const signal of ['SIGTERM', 'SIGHUP', 'SIGINT'] as const)
		process.on(signal, () => leave(signal === 'SIGINT' ? 130 : 128 + (signal === 'SIGHUP' ? 1 : 15)));
	process.on('uncaughtException', error => leave(1, `internal error: ${error.message}`));
	process.on('unhandledRejection', reason => leave(1, `internal error: ${reason instanceof Error ? reason.message : String(reason)}`));

	injectFault(process.env.DOCKDECK_FAULT);
	await instance.waitUntilExit();
	leave(0);
}
