import { render } from 'ink';
import { App, type AppProps } from './app.js';
import { traceKeys } from './diagnostics.js';

/** Draws the dashboard until the user quits or a signal ends it; leaves the terminal as it found it. */
export async function showDashboard(props: AppProps): Promise<void> {
	const { store } = props;
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
		instance.unmount();
		instance.cleanup();
		if (message) process.stderr.write(`dockdeck: ${message}\n`);
		// give Ink one tick to write the terminal restore sequences
		setImmediate(() => process.exit(code));
	};
	for (const signal of ['SIGTERM', 'SIGHUP', 'SIGINT'] as const) process.on(signal, () => leave(signal === 'SIGINT' ? 130 : 128 + (signal === 'SIGHUP' ? 1 : 15)));
	process.on('uncaughtException', error => leave(1, `internal error: ${error.message}`));
	process.on('unhandledRejection', reason => leave(1, `internal error: ${reason instanceof Error ? reason.message : String(reason)}`));

	await instance.waitUntilExit();
	leave(0);
}
