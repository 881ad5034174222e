import { render } from 'ink';
import { App, type AppProps } from './app.js';
import { injectFault, traceKeys } from './diagnostics.js';
import { TONE_COLOR } from './components/table.js';
import type { Tone } from './format/container-mode.js';

/** Draws the dashboard until the user quits or a signal ends it; leaves the terminal as it found it. */
export async function showDashboard(props: AppProps, theme: Partial<Record<Tone, string>> = {}): Promise<void> {
	const { store } = props;
	Object.assign(TONE_COLOR, theme);
	traceKeys(process.env.DOCKDECK_TRACE_KEYS);
	const instance = render(<App {...props} />, {
		// stdin and stdout are TTYs (checked before): Ink would otherwise go non-interactive whenever CI is set
		interactive: true,
		alternateScreen: true,
		incrementalRendering: true,
		maxFps: 30,
		exitOnCtrlC: false,
		patchConsole: true,
	});

	let leaving = false;
	const leave = (code: number, message?: string) => {
		if (leaving) return;
		leaving = true;
		store.stop();
		props.engine.close();
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
	for (const signal of ['SIGTERM', 'SIGHUP', 'SIGINT'] as const) process.on(signal, () => leave(signal === 'SIGINT' ? 130 : 128 + (signal === 'SIGHUP' ? 1 : 15)));
	process.on('uncaughtException', error => leave(1, `internal error: ${error.message}`));
	process.on('unhandledRejection', reason => leave(1, `internal error: ${reason instanceof Error ? reason.message : String(reason)}`));

	injectFault(process.env.DOCKDECK_FAULT);
	await instance.waitUntilExit();
	leave(0);
}
