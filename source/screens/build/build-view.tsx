import { Box, Text } from 'ink';
import { Frame } from '../../components/frame.js';
import { TONE_COLOR } from '../../components/table.js';
import type { Tone } from '../../format/container-mode.js';
import type { BuildStep } from '../../format/build-log.js';
import { formatBytes } from '../../format/bytes.js';
import { displayWidth, inert, truncate } from '../../format/text.js';
import type { BuildSession } from '../../store/build-session.js';
import { T } from '../../i18n/index.js';

export interface BuildLine {
	readonly text: string;
	readonly tone?: Tone;
	readonly bold?: boolean;
}

/** Where the build view is scrolled: following the end, or from a line. */
export interface BuildScroll {
	readonly follow: boolean;
	readonly top: number;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function stepHead(step: BuildStep, now: number): BuildLine {
	const took = seconds((step.endedAt ?? now) - step.startedAt);
	// a RUN step is "ran" from its first line, but still running until the next step or the end
	const status = step.endedAt === undefined && step.status === 'ran' ? 'running' : step.status;
	const B = T.checks.build;
	const [mark, tone] = {
		running: [B.running(took), 'info'],
		cached: [B.cached, 'good'],
		ran: [B.ran(took), 'info'],
		new: [/^FROM\b/i.test(step.instruction) ? B.base : /^(COPY|ADD)\b/i.test(step.instruction) ? B.copied : B.set, 'info'],
		failed: [B.failedMark, 'bad'],
	}[status] as [string, Tone];
	return {
		text: B.step(mark + ' '.repeat(Math.max(0, 18 - displayWidth(mark))), step.index, step.total, step.instruction),
		tone,
		bold: status === 'failed' || status === 'running',
	};
}

/** Every line of the build view: the command, the context sent, each step with its output, the outcome. */
export function buildLines(session: BuildSession, now = Date.now()): BuildLine[] {
	const { request, log, context } = session;
	const lines: BuildLine[] = [{ text: `$ ${request.command}`, tone: 'info' }];
	const total = context.plan.totalBytes;
	const ignored = context.ignored;
	const B = T.checks.build;
	const leftOut = ignored.length ? B.ignored(ignored.slice(0, 5).join(', '), Math.max(0, ignored.length - 5)) : '';
	lines.push({
		text: B.context(context.files, formatBytes(total), session.phase === 'sending' ? formatBytes(session.sentBytes) : '', leftOut),
		tone: 'muted',
	});
	for (const note of log.notes) lines.push({ text: note, tone: 'warn' });
	for (const step of log.steps) {
		lines.push(stepHead(step, now));
		if (step.dropped) lines.push({ text: B.dropped(step.dropped), tone: 'muted' });
		for (const out of step.output) lines.push({ text: `    ${out}`, tone: step.status === 'failed' ? 'warn' : 'muted' });
	}
	lines.push({ text: ' ' });
	lines.push(...outcome(session));
	return lines;
}

function outcome(session: BuildSession): BuildLine[] {
	const { log } = session;
	const took = seconds((session.endedAt ?? Date.now()) - session.startedAt);
	const c = log.counts();
	const B = T.checks.build;
	if (session.phase === 'sending') return [{ text: B.sending, tone: 'info' }];
	if (session.phase === 'building') return [{ text: B.building(took), tone: 'info' }];
	if (session.phase === 'cancelled') return [{ text: B.stopped(took), tone: 'warn', bold: true }];
	if (session.phase === 'failed') {
		const step = log.steps.find(s => s.status === 'failed');
		const code = log.error?.exitCode !== undefined ? B.exitCode(log.error.exitCode) : '';
		return [
			{ text: step ? B.stepFailed(step.index, step.total, step.instruction, code) : B.failed(code), tone: 'bad', bold: true },
			{ text: log.error?.message ?? session.failure ?? '', tone: 'bad' },
			{ text: B.nothingTagged(session.request.tag), tone: 'muted' },
		];
	}
	const id = (session.imageId ?? '').replace('sha256:', '').slice(0, 12);
	const lines: BuildLine[] = [{ text: B.built(id, session.request.tag, took, c.cached, c.built), tone: 'good', bold: true }];
	if (session.previous && session.previous.id === session.imageId) lines.push({ text: B.unchanged, tone: 'muted' });
	else if (session.previous) lines.push({ text: B.previous(session.previous.id.replace('sha256:', '').slice(0, 12)), tone: 'muted' });
	lines.push({ text: B.back, tone: 'muted' });
	return lines;
}

/** The build view (b): the steps as they run, following the end unless scrolled up. */
export function BuildView({
	session,
	scroll,
	width,
	height,
}: {
	readonly session: BuildSession;
	readonly scroll: BuildScroll;
	readonly width: number;
	readonly height: number;
}) {
	const lines = buildLines(session);
	const rows = Math.max(1, height - 2);
	const top = scroll.follow ? Math.max(0, lines.length - rows) : Math.min(scroll.top, Math.max(0, lines.length - rows));
	const current = session.log.current;
	const B = T.checks.build;
	const info = `${current ? B.current(current.index, current.total) : ''}${B.phases[session.phase] ?? session.phase}${scroll.follow ? '' : B.scrolled}`;
	return (
		<Frame title={B.title(session.request.tag)} info={info} width={width} height={height} focused>
			<Box flexDirection="column" paddingX={1}>
				{lines.slice(top, top + rows).map((line, i) => (
					<Text key={top + i} color={line.tone ? TONE_COLOR[line.tone] : undefined} bold={line.bold} wrap="truncate">
						{truncate(inert(line.text), Math.max(1, width - 4))}
					</Text>
				))}
			</Box>
		</Frame>
	);
}
