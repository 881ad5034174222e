import assert from 'node:assert/strict';
import { test } from 'node:test';
import { columnWidths } from '../../source/components/table.js';
import { windowStart } from '../../source/components/window.js';
import { computeLayout } from '../../source/components/layout.js';
import {
	cursorIndex,
	dashboardReducer as uiReducer,
	initialDashboard as initialUi,
	matchesFilter,
	type DashboardAction,
	type DashboardState,
} from '../../source/screens/dashboard/dashboard-state.js';

const apply = (state: DashboardState, ...actions: DashboardAction[]) => actions.reduce(uiReducer, state);

test('the selection sticks to the same row when the list changes under it', () => {
	const keys = ['a', 'b', 'c'];
	const s = apply(initialUi, { type: 'move', keys, delta: 1 });
	assert.equal(s.selected.containers, 'b');
	assert.equal(cursorIndex(s, 'containers', ['new', 'a', 'b', 'c']), 2, 'a new row above does not move the selection');
	assert.equal(cursorIndex(s, 'containers', ['a', 'c']), 1, 'a removed row leaves the cursor where it was, clamped');
	assert.equal(cursorIndex(s, 'containers', []), 0);
});

test('moves clamp at the ends and jump to first and last', () => {
	const keys = ['a', 'b', 'c', 'd'];
	assert.equal(apply(initialUi, { type: 'move', keys, delta: -5 }).selected.containers, 'a');
	assert.equal(apply(initialUi, { type: 'move', keys, delta: 50 }).selected.containers, 'd');
	assert.equal(apply(initialUi, { type: 'move', keys, to: 'last' }, { type: 'move', keys, to: 'first' }).selected.containers, 'a');
});

test('focus cycles through the three panels both ways', () => {
	assert.equal(apply(initialUi, { type: 'focusStep', step: 1 }).panel, 'images');
	assert.equal(apply(initialUi, { type: 'focusStep', step: -1 }).panel, 'layers');
	assert.equal(apply(initialUi, { type: 'focus', panel: 'layers' }, { type: 'focusStep', step: 1 }).panel, 'containers');
});

test('a filter is typed, edited, kept or dropped per panel', () => {
	let s = apply(
		initialUi,
		{ type: 'focus', panel: 'images' },
		{ type: 'filterStart' },
		{ type: 'filterType', text: 'dem' },
		{ type: 'filterType', text: 'x' },
		{ type: 'filterBackspace' },
	);
	assert.equal(s.editing, true);
	assert.equal(s.filters.images, 'dem');
	assert.equal(s.filters.containers, '');
	s = uiReducer(s, { type: 'filterEnd', keep: true });
	assert.equal(s.editing, false);
	assert.equal(s.filters.images, 'dem');
	assert.equal(uiReducer(s, { type: 'filterClear' }).filters.images, '');
	assert.equal(apply(s, { type: 'filterStart' }, { type: 'filterEnd', keep: false }).filters.images, '');
	assert.ok(matchesFilter('DEMO', ['dockdeck-demo:1']));
	assert.ok(!matchesFilter('zzz', ['dockdeck-demo:1']));
});

test('/ on a panel that has a filter starts a new one: the first key typed replaces it, as in less and vim', () => {
	const filtered = apply(
		initialUi,
		{ type: 'filterStart' },
		{ type: 'filterType', text: 'acc-detached' },
		{ type: 'filterEnd', keep: true },
	);
	const again = uiReducer(filtered, { type: 'filterStart' });
	assert.equal(again.filterFresh, true);
	assert.equal(again.filters.containers, 'acc-detached', 'the old filter stays shown until a key is typed');
	assert.equal(apply(again, { type: 'filterType', text: 'a' }, { type: 'filterType', text: 'cc-it' }).filters.containers, 'acc-it');
	assert.equal(uiReducer(again, { type: 'filterBackspace' }).filters.containers, '', 'Backspace first clears the old filter');
	assert.equal(uiReducer(again, { type: 'filterEnd', keep: true }).filters.containers, 'acc-detached', 'Enter at once keeps it');
	assert.equal(uiReducer(initialUi, { type: 'filterStart' }).filterFresh, false, 'no filter yet: nothing to replace');
});

test('the list window scrolls only when the cursor leaves it', () => {
	assert.equal(windowStart(0, 3, 5, 100), 0);
	assert.equal(windowStart(0, 5, 5, 100), 1);
	assert.equal(windowStart(10, 12, 5, 100), 10);
	assert.equal(windowStart(10, 9, 5, 100), 9);
	assert.equal(windowStart(90, 99, 5, 20), 15, 'never past the end');
});

test('columns fill the width exactly and optional ones go first when narrow', () => {
	const cols = [
		{ title: 'A', flex: 1, min: 10 },
		{ title: 'B', width: 12, optional: true },
		{ title: 'C', width: 7 },
	];
	const wide = columnWidths(cols, 80);
	assert.equal(wide.reduce((a, b) => a + b, 0) + 2, 80);
	assert.deepEqual(columnWidths(cols, 25).slice(1), [0, 7], 'B is dropped when A, B and C do not fit');
});

test('layouts fit the terminal at 80x24, 120x40 and 200x60', () => {
	for (const [w, h] of [
		[80, 24],
		[120, 40],
		[200, 60],
	] as const) {
		const body = h - 2;
		const l = computeLayout(w, body);
		if (l.side) {
			assert.equal(l.containers.height + l.images.height + l.layers.height, body);
			assert.equal(l.containers.width + l.detail.width, w);
		} else {
			assert.equal(l.containers.height + l.images.height + l.detail.height, body);
			assert.equal(l.images.width + l.layers.width, w);
		}
		assert.ok(l.containers.height >= 7 && l.images.height >= 6 && l.detail.height >= 3, `${w}x${h} leaves room for rows`);
	}
});
