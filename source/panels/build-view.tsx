import { Box, Text } from 'ink';
import { Frame } from '../components/frame.js';
import { TONE_COLOR } from '../components/table.js';
import type { Tone } from '../format/container-mode.js';
import type { BuildStep } from '../format/build-log.js';
import { formatBytes } from '../format/bytes.js';
import { inert, truncate } from '../format/text.js';
import type { BuildSession } from '../store/build-session.js';

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
	const [mark, tone] = {
		running: [`● running ${took}`, 'info'],
		cached: ['✓ from cache', 'good'],
		ran: [`✓ ran ${took}`, 'info'],
		new: [/^FROM\b/i.test(step.instruction) ? '✓ base' : /^(COPY|ADD)\b/i.test(step.instruction) ? '✓ copied' : '✓ set', 'info'],
		failed: ['✗ failed', 'bad'],
	}[status] as [string, Tone];
	return { text: `${mark.padEnd(18)} Step ${step.index}/${step.total}  ${step.instruction}`, tone, bold: status === 'failed' || status === 'running' };
}

/** Every line of the build view: the command, the context sent, each step with its output, the outcome. */
export function buildLines(session: BuildSession, now = Date.now()): BuildLine[] {
	const { request, log, context } = session;
	const lines: BuildLine[] = [{ text: `$ ${request.command}`, tone: 'info' }];
	const total = context.plan.totalBytes;
	const ignored = context.ignored;
	const leftOut = ignored.length ? ` · .dockerignore left out ${ignored.slice(0, 5).join(', ')}${ignored.length > 5 ? ` and ${ignored.length - 5} more` : ''}` : '';
	lines.push({ text: `Context: ${context.files} file${context.files === 1 ? '' : 's'}, ${formatBytes(total)}${session.phase === 'sending' ? ` · sent ${formatBytes(session.sentBytes)}` : ''}${leftOut}`, tone: 'muted' });
	for (const note of log.notes) lines.push({ text: note, tone: 'warn' });
	for (const step of log.steps) {
		lines.push(stepHead(step, now));
		if (step.dropped) lines.push({ text: `    … ${step.dropped} earlier lines not kept`, tone: 'muted' });
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
	if (session.phase === 'sending') return [{ text: 'Sending the context to the engine…', tone: 'info' }];
	if (session.phase === 'building') return [{ text: `Building… ${took}  (x stops it)`, tone: 'info' }];
	if (session.phase === 'cancelled') return [{ text: `Stopped after ${took}: nothing was tagged.`, tone: 'warn', bold: true }];
	if (session.phase === 'failed') {
		const step = log.steps.find(s => s.status === 'failed');
		const code = log.error?.exitCode !== undefined ? ` with exit code ${log.error.exitCode}` : '';
		return [
			{ text: step ? `✗ Step ${step.index}/${step.total} (${step.instruction}) failed${code}.` : `✗ The build failed${code}.`, tone: 'bad', bold: true },
			{ text: log.error?.message ?? session.failure ?? '', tone: 'bad' },
			{ text: `Nothing was tagged${session.request.tag ? `: ${session.request.tag} still names what it named before` : ''}. Steps that finished stay in the cache for the next try.`, tone: 'muted' },
		];
	}
	const id = (session.imageId ?? '').replace('sha256:', '').slice(0, 12);
	const lines: BuildLine[] = [
		{ text: `✓ Built ${id}${session.request.tag ? ` as ${session.request.tag}` : ''} in ${took}: ${c.cached} step${c.cached === 1 ? '' : 's'} from cache, ${c.built} rebuilt.`, tone: 'good', bold: true },
	];
	if (session.previous && session.previous.id === session.imageId) lines.push({ text: 'Nothing changed: the tag still names the same image.', tone: 'muted' });
	else if (session.previous) lines.push({ text: `The tag named ${session.previous.id.replace('sha256:', '').slice(0, 12)} before; the layers panel marks which layers are new and which are the same as its.`, tone: 'muted' });
	lines.push({ text: 'Esc: back to the dashboard, with the new image selected.', tone: 'muted' });
	return lines;
}

/** The build view (b): the steps as they run, following the end unless scrolled up. */
export function BuildView({ session, scroll, width, height }: { readonly session: BuildSession; readonly scroll: BuildScroll; readonly width: number; readonly height: number }) {
	const lines = buildLines(session);
	const rows = Math.max(1, height - 2);
	const top = scroll.follow ? Math.max(0, lines.length - rows) : Math.min(scroll.top, Math.max(0, lines.length - rows));
	const current = session.log.current;
	const info = `${current ? `step ${current.index}/${current.total} · ` : ''}${session.phase}${scroll.follow ? '' : ' · scrolled (f follows)'}`;
	return (
		<Frame title={`Build ${session.request.tag ?? '(no tag)'}`} info={info} width={width} height={height} focused>
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
