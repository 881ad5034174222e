import { useEffect, useReducer, useRef } from 'react';
import { useApp, useWindowSize } from 'ink';
import { suspendToShell } from '../actions/suspend.js';
import { MIN_COLUMNS, MIN_ROWS, TooSmall } from '../components/too-small.js';
import { lookup, type Scope } from '../keymap/keymap.js';
import { openBuildForm } from '../screens/build/build-screen.js';
import { useDashboard, type DashboardModel } from '../screens/dashboard/dashboard-model.js';
import { dashboardScreen } from '../screens/dashboard/dashboard-screen.js';
import { helpScreen } from '../screens/overlays/help.js';
import { ALWAYS_SHOWN } from '../screens/registry.js';
import { useSnapshot } from '../store/use-store.js';
import { GLOBAL_KEYS, LIST_STEPS, readOnlyRefusal } from './global-keys.js';
import { AppFrame, bodyHeight } from './frame.js';
import { useKeyQueue, type KeyPress } from './key-queue.js';
import { useAppServices, type AppProps } from './services.js';
import { dashboardReducer, initialDashboard } from '../screens/dashboard/dashboard-state.js';
import { ScreenStack } from './stack.js';
import { useTasks } from './tasks.js';

export type { AppProps } from './services.js';

const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * The app keeps only what no screen can own: the stack of screens, the one input queue, the keys
 * of every screen (quit, suspend, help), and the frame (header, banner, the top screen, the status line).
 */
export function App(props: AppProps) {
	const { store, readOnly, production, dockerContext, detachKeys, startupNotice, initialBuild, learn } = props;
	const { exit, suspendTerminal } = useApp();
	const { columns, rows } = useWindowSize();
	const snapshot = useSnapshot(store);
	const [, repaint] = useReducer((n: number) => n + 1, 0);
	const stackRef = useRef<ScreenStack | null>(null);
	stackRef.current ??= new ScreenStack(dashboardScreen, { ...initialDashboard, learn: Boolean(learn) }, repaint);
	const stack = stackRef.current;
	useEffect(() => () => stack.disposeAll(), [stack]);
	const tasks = useTasks(startupNotice);
	const model = useRef<DashboardModel | null>(null);
	const app = useAppServices({ props, stack, model, tasks, suspendTerminal });

	const top = stack.top();
	const body = stack.topBody();
	const prompt = top.screen.prompt?.(top.state);
	const height = bodyHeight(rows, snapshot, prompt);
	model.current = useDashboard({
		store,
		snapshot,
		state: app.dashboard.state(),
		columns,
		bodyRows: height,
		dispatch: a => app.dashboard.update(s => dashboardReducer(s, a)),
		detachKeys: detachKeys.display,
		shown: body.screen === dashboardScreen,
	});
	const tooSmall = columns < MIN_COLUMNS || rows < MIN_ROWS;

	// Ctrl-Z, or a SIGTSTP sent from elsewhere (in raw mode the terminal sends none itself); while a
	// container has the terminal, the signal is its business
	const suspend = () => void suspendToShell(app.action).catch(() => undefined);
	useEffect(() => {
		process.on('SIGTSTP', suspend);
		if (initialBuild) openBuildForm({ open: (screen, state) => stack.contextFor(stack.push(screen, state), app), app }, initialBuild);
		return () => void process.off('SIGTSTP', suspend);
	}, []);

	const handleKey = ([name, input, key]: KeyPress) => {
		if (tooSmall) {
			if (name === 'q' || name === 'ctrl+c') exit();
			if (name === 'ctrl+z') suspend();
			return;
		}
		const current = stack.top();
		const scopes: Scope[] = ['always', ...current.screen.scopes(current.state)];
		// a notice stays while a dialog, a form or a prompt is open, and goes with the next key on a view
		if (tasks.notice && scopes.includes('views')) tasks.setNotice(undefined);
		const binding = name ? lookup(name, scopes) : undefined;
		const ctx = stack.contextFor(current, app);
		if (!binding) {
			const erase = name === 'backspace' || name === 'delete';
			return current.screen.type?.(ctx, !erase && input && !key.ctrl && !key.meta && !CONTROL.test(input) ? input : '', erase);
		}
		if (binding.writes && readOnly) return tasks.setNotice(readOnlyRefusal(binding));
		if (binding.id in LIST_STEPS) {
			const kind = LIST_STEPS[binding.id as keyof typeof LIST_STEPS];
			return current.screen.move?.(ctx, { kind, height: current.screen.fullScreen ? rows - 1 : height });
		}
		const global = GLOBAL_KEYS[binding.id as keyof typeof GLOBAL_KEYS];
		if (global) return global({ quit: exit, suspend, help: () => stack.push(helpScreen, { offset: 0 }) });
		(current.screen.keys as Record<string, (c: typeof ctx) => void>)[binding.id]?.(ctx);
	};
	useKeyQueue(handleKey);

	if (tooSmall) return <TooSmall columns={columns} rows={rows} />;
	return (
		<AppFrame
			snapshot={snapshot}
			columns={columns}
			rows={rows}
			readOnly={readOnly}
			production={production}
			dockerContext={dockerContext}
			fullScreen={Boolean(body.screen.fullScreen)}
			body={h => body.screen.render?.({ state: body.state, width: columns, height: h, app, ctx: stack.contextFor(body, app) })}
			status={{
				prompt,
				notice: tasks.notice,
				scopes: ['always', ...top.screen.scopes(top.state)],
				always: ALWAYS_SHOWN,
				text: top.screen.status?.(top.state, app),
			}}
		/>
	);
}
