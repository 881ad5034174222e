import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { defaultLogFile, saveLogs } from '../../source/actions/save-logs.js';
import { unixSince } from '../../source/docker/logs.js';
import { displayWidth } from '../../source/format/text.js';
import type { LogLine } from '../../source/store/log-session.js';
import { parseSgr, styledParts } from '../../source/format/sgr.js';
import {
	bottomSeq,
	countMatches,
	findMatch,
	initialLogsUi,
	MAX_ROWS_PER_LINE,
	scrollLogs,
	shortTime,
	visibleRows,
	wrapText,
} from '../../source/screens/logs/logs-state.js';
import { RingBuffer } from '../../source/store/ring-buffer.js';

const fill = (n: number, capacity = 100) => {
	const buffer = new RingBuffer<LogLine>(capacity);
	for (let i = 0; i < n; i++)
		buffer.push({
			stream: i % 5 === 0 ? 'err' : 'out',
			time: `2026-11-23T10:00:${String(i % 60).padStart(2, '0')}.123456789Z`,
			text: `line ${i}`,
		});
	return buffer;
};

test('the ring buffer keeps the newest lines and their sequence numbers', () => {
	const buffer = fill(250, 100);
	assert.equal(buffer.size, 100);
	assert.equal(buffer.firstSeq, 150);
	assert.equal(buffer.at(150)?.text, 'line 150');
	assert.equal(buffer.at(149), undefined, 'dropped');
	assert.equal(buffer.at(249)?.text, 'line 249');
	assert.deepEqual(
		buffer.slice(0, 152).map(l => l.text),
		['line 150', 'line 151'],
	);
	assert.throws(() => new RingBuffer(0), RangeError);
});

test('scrolling up pauses following, reaching the end resumes it, and the view stays anchored as lines arrive', () => {
	const buffer = fill(50);
	let ui = scrollLogs(initialLogsUi, buffer, -10);
	assert.equal(ui.follow, false);
	assert.equal(bottomSeq(ui, buffer), 39);
	buffer.push({ stream: 'out', time: '', text: 'new' });
	assert.equal(bottomSeq(ui, buffer), 39, 'a new line does not move a paused view');
	ui = scrollLogs(ui, buffer, 1000);
	assert.equal(ui.follow, true);
	assert.equal(scrollLogs(initialLogsUi, buffer, -Infinity).anchor, buffer.firstSeq);
});

test('visible rows end at the bottom line and fill the height; stderr is kept apart', () => {
	const buffer = fill(50);
	const rows = visibleRows(buffer, initialLogsUi, 40, 5);
	assert.deepEqual(
		rows.map(r => r.text),
		['line 45', 'line 46', 'line 47', 'line 48', 'line 49'],
	);
	assert.equal(rows[0]!.stream, 'err');
	const stamped = visibleRows(buffer, { ...initialLogsUi, timestamps: true }, 40, 1);
	assert.equal(stamped[0]!.text, '10:00:49.123 line 49');
	assert.equal(shortTime('2026-11-23T10:00:01Z'), '10:00:01.000');
});

test('a 100,000-character line wraps to a bounded number of rows, fast', () => {
	const buffer = new RingBuffer<LogLine>(10);
	buffer.push({ stream: 'out', time: '', text: 'x'.repeat(100_000) });
	const started = performance.now();
	const rows = visibleRows(buffer, initialLogsUi, 100, 200);
	const ms = performance.now() - started;
	assert.equal(rows.length, MAX_ROWS_PER_LINE);
	assert.match(rows.at(-1)!.text, /… 96,\d{3} more characters$/);
	assert.ok(rows.every(r => displayWidth(r.text) <= 100));
	assert.ok(ms < 200, `wrapping took ${ms.toFixed(1)} ms`);
	const cut = visibleRows(buffer, { ...initialLogsUi, wrap: false, hscroll: 8 }, 100, 5);
	assert.equal(cut.length, 1, 'unwrapped, the line is one row');
});

test('wrapping keeps wide characters whole', () => {
	const rows = wrapText('컨테이너와이미지', 5, 10);
	assert.deepEqual(rows, ['컨테', '이너', '와이', '미지']);
	// text of a cell per character is cut by length, the same rows as cell by cell
	assert.deepEqual(
		wrapText('ab─'.repeat(80), 100, 10).map(r => r.length),
		[100, 100, 40],
	);
	assert.deepEqual(wrapText('a─한b', 2, 10), ['a─', '한', 'b']);
	assert.deepEqual(wrapText('', 10, 3), ['']);
});

test('search counts, finds and highlights matches in both directions', () => {
	const buffer = fill(30);
	const ui = { ...initialLogsUi, search: 'LINE 2' };
	assert.equal(countMatches(buffer, 'line 2'), 11);
	assert.equal(findMatch(buffer, ui, -1), 28, 'going up from the bottom line (29)');
	assert.equal(findMatch(buffer, { ...ui, follow: false, anchor: 20 }, -1), 2);
	assert.equal(findMatch(buffer, { ...ui, follow: false, anchor: 2 }, 1), 20);
	assert.equal(findMatch(buffer, { ...initialLogsUi, search: 'nope' }, -1), undefined);
	assert.deepEqual(styledParts('a line 2 and Line 2', 0, undefined, 'line 2'), [
		{ text: 'a ', match: false },
		{ text: 'line 2', match: true },
		{ text: ' and ', match: false },
		{ text: 'Line 2', match: true },
	]);
});

test('saved logs carry times and streams, and an existing file is never overwritten', async () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-save-'));
	try {
		const buffer = fill(3);
		const ok = await saveLogs(buffer, 'out.log', dir);
		assert.equal(ok.tone, 'good');
		assert.match(ok.text, /^Saved 3 lines \(\d+ bytes\) to .*out\.log\.$/);
		assert.equal(fs.readFileSync(path.join(dir, 'out.log'), 'utf8').split('\n')[0], '2026-11-23T10:00:00.123456789Z stderr line 0');
		fs.writeFileSync(path.join(dir, 'keep.log'), 'precious');
		const refused = await saveLogs(buffer, 'keep.log', dir);
		assert.match(refused.text, /already exists \(choose another name; nothing was overwritten\)/);
		assert.equal(fs.readFileSync(path.join(dir, 'keep.log'), 'utf8'), 'precious');
		assert.match((await saveLogs(buffer, 'no/such/dir/x.log', dir)).text, /its folder does not exist/);
		assert.match((await saveLogs(buffer, '  ', dir)).text, /no file name/);
		assert.match(defaultLogFile('my app/1', new Date(2026, 10, 23, 10, 31, 15)), /^my_app_1-20261123-103115\.log$/);
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
});

test('a line time becomes the unix seconds the logs API takes for since', () => {
	assert.equal(unixSince('2026-11-23T11:00:46.123456789Z'), `${Date.parse('2026-11-23T11:00:46Z') / 1000}.123456789`);
	assert.equal(unixSince('2026-11-23T11:00:46Z'), String(Date.parse('2026-11-23T11:00:46Z') / 1000));
	assert.equal(unixSince('2026-11-23T12:00:46.5+01:00'), `${Date.parse('2026-11-23T11:00:46Z') / 1000}.5`);
	assert.equal(unixSince('garbage'), undefined);
});

test('the multiplexed stream is split into stdout and stderr whatever the chunk boundaries', async () => {
	const { frameDemuxer } = await import('../../source/docker/logs.js');
	const frame = (type: number, text: string) => {
		const payload = Buffer.from(text);
		const header = Buffer.alloc(8);
		header[0] = type;
		header.writeUInt32BE(payload.length, 4);
		return Buffer.concat([header, payload]);
	};
	const whole = Buffer.concat([frame(1, 'out one\n'), frame(2, 'err one\n'), frame(1, 'out two\n'), frame(2, '')]);
	for (const size of [1, 3, 7, 8, 9, 100]) {
		const got: string[] = [];
		const demux = frameDemuxer((stream, payload) => got.push(`${stream}:${payload.toString()}`));
		for (let i = 0; i < whole.length; i += size) demux(whole.subarray(i, i + size));
		const joined = { out: '', err: '' };
		for (const g of got) joined[g.slice(0, 3) as 'out' | 'err'] += g.slice(4);
		assert.deepEqual(joined, { out: 'out one\nout two\n', err: 'err one\n' }, `chunks of ${size}`);
	}
});

test('colour codes become styles on the plain text; every other escape stays in it, to be shown inert', () => {
	const line =
		'\u001b[32mINFO\u001b[0m started \u001b[1;31merror\u001b[22m still red\u001b[0m \u001b[38;5;208mamber\u001b[m \u001b[38;2;1;2;3mrgb\u001b[0m';
	const parsed = parseSgr(line)!;
	assert.equal(parsed.text, 'INFO started error still red amber rgb');
	assert.deepEqual(
		parsed.spans.map(s => [parsed.text.slice(s.from, s.to), s.style]),
		[
			['INFO', { color: 'green' }],
			['error', { bold: true, color: 'red' }],
			[' still red', { color: 'red' }],
			['amber', { color: 'ansi256(208)' }],
			['rgb', { color: '#010203' }],
		],
	);
	assert.equal(parseSgr('plain line'), undefined, 'a line with no escape costs a string search');
	const hostile = parseSgr('\u001b[2J\u001b[Hcleared \u001b]0;title\u0007 \u001b[31mred\u001b[0m')!;
	assert.equal(
		hostile.text,
		'\u001b[2J\u001b[Hcleared \u001b]0;title\u0007 red',
		'screen clears, cursor moves and titles stay, to be made inert',
	);
	const many = parseSgr(Array.from({ length: 500 }, (_, i) => `\u001b[3${i % 8}m${i}`).join(''))!;
	assert.ok(many.spans.length <= 64, `at most 64 spans, not ${many.spans.length}`);
	assert.equal(many.text, Array.from({ length: 500 }, (_, i) => String(i)).join(''), 'the text stays whole past the limit');
});

test('a coloured line: search and save see its text, the rows keep its colours where they are cut', async () => {
	const raw = '\u001b[32mINFO\u001b[0m listening on :8080';
	const parsed = parseSgr(raw)!;
	const buffer = new RingBuffer<LogLine>(10);
	buffer.push({ stream: 'out', time: '2026-11-23T10:00:00.123Z', text: parsed.text, styles: parsed.spans, raw });
	assert.equal(countMatches(buffer, 'info listening'), 1, 'the search reads the plain text');
	const [row] = visibleRows(buffer, { ...initialLogsUi, timestamps: true }, 60, 5);
	assert.equal(row!.text, '10:00:00.123 INFO listening on :8080');
	const parts = styledParts(row!.text, row!.offset, row!.styles, 'listen');
	assert.deepEqual(
		parts.map(p => [p.text, p.style?.color ?? null, p.match]),
		[
			['10:00:00.123 ', null, false],
			['INFO', 'green', false],
			[' ', null, false],
			['listen', null, true],
			['ing on :8080', null, false],
		],
	);
	// wrapped at 8 cells: the second row starts inside the coloured word's line, offsets follow
	const narrow = visibleRows(buffer, initialLogsUi, 6, 5);
	assert.equal(narrow[0]!.text, 'INFO l');
	assert.equal(narrow[1]!.offset, 6);
	assert.equal(
		styledParts(narrow[1]!.text, narrow[1]!.offset, narrow[1]!.styles, '').some(p => p.style),
		false,
	);
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-save-colour-'));
	try {
		await saveLogs(buffer, 'out.log', dir);
		assert.ok(fs.readFileSync(path.join(dir, 'out.log'), 'utf8').includes(raw), 'saved as the program wrote it');
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
});
