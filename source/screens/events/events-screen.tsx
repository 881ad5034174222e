import { useEffect } from 'react';
import { TableView } from '../../components/table-view.js';
import { type Column, type Row } from '../../components/table.js';
import { perLanguage, T } from '../../i18n/index.js';
import type { EngineEvent } from '../../model/types.js';
import { eventEffect } from '../../store/event-effects.js';
import { stepCursor } from '../list-step.js';
import type { RenderProps, Screen } from '../screen.js';

/** One event as the view lists it, with when it came and whether dockdeck acts on it. */
interface SeenEvent {
	readonly at: number;
	readonly event: EngineEvent;
	/** It changes what dockdeck shows (a re-read of that object), or it is a read that costs nothing. */
	readonly changes: boolean;
}

/** The events seen since the view opened (the newest last), and whether new ones scroll into view. */
export interface EventsState {
	readonly events: readonly SeenEvent[];
	readonly cursor: number;
	readonly paused: boolean;
}

/** The view keeps this many; older ones drop off. */
const KEEP = 500;

const columns = perLanguage((c = T.events.columns): readonly Column[] => [
	{ title: c.time, width: 8 },
	{ title: c.type, width: 9 },
	{ title: c.action, flex: 2, min: 12 },
	{ title: c.name, flex: 2, min: 10 },
	{ title: c.dockdeck, flex: 3, min: 14, optional: true },
]);

const time = (at: number) => new Date(at).toTimeString().slice(0, 8);

function rows(events: readonly SeenEvent[]): Row[] {
	return events.map(({ at, event, changes }, i) => ({
		key: String(i),
		dim: !changes,
		cells: [
			time(at),
			event.type,
			event.action,
			event.attributes['name'] ?? event.id.replace('sha256:', '').slice(0, 12),
			changes ? { text: T.events.changes, tone: 'info' } : { text: T.events.read, tone: 'muted' },
		],
	}));
}

function EventsBody({ state, width, height, app, ctx }: RenderProps<EventsState>) {
	// the store's own feed: the same events it acts on, in the order they came
	useEffect(
		() =>
			app.store.watchEvents(event =>
				ctx.update(s => {
					const events = [...s.events, { at: Date.now(), event, changes: eventEffect(event).kind !== 'none' }].slice(-KEEP);
					return { ...s, events, cursor: s.paused ? Math.max(0, s.cursor - (s.events.length + 1 - events.length)) : events.length - 1 };
				}),
			),
		[app.store],
	);
	const changing = state.events.filter(e => e.changes).length;
	return (
		<TableView
			title={T.events.title}
			info={T.events.info(state.events.length, changing, state.paused)}
			note={T.events.note}
			columns={columns()}
			rows={rows(state.events)}
			cursor={state.cursor}
			empty={T.events.none}
			width={width}
			height={height}
			tableHeight={height - 3}
		/>
	);
}

/** `E`: the engine's events as they come, each marked with what dockdeck does about it. */
export const eventsScreen: Screen<EventsState, 'events'> = {
	name: 'events',
	layer: 'body',
	scopes: () => ['events', 'list', 'views'],
	stacks: [['always', 'events', 'list', 'views']],
	close: 'events.close',
	keys: {
		'events.pause': ctx => ctx.update(s => ({ ...s, paused: !s.paused, cursor: s.paused ? s.events.length - 1 : s.cursor })),
		'events.close': ctx => ctx.close(),
	},
	move: (ctx, step) => ctx.update(s => ({ ...s, paused: true, cursor: stepCursor(s.cursor, step, s.events.length) })),
	render: props => <EventsBody {...props} />,
};
