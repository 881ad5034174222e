import { T } from '../i18n/index.js';
/** One message of the engine's build stream (the classic builder's JSON lines). */
export interface BuildMessage {
	readonly stream?: string;
	readonly aux?: { readonly ID?: string };
	readonly error?: string;
	readonly errorDetail?: { readonly code?: number; readonly message?: string };
	readonly status?: string;
}

/** How a step ended: taken from the layer cache, run in a container (RUN), or made anew without one (FROM, COPY, ENV...). */
export type StepStatus = 'running' | 'cached' | 'ran' | 'new' | 'failed';

export interface BuildStep {
	/** 1-based, as the engine counts. */
	readonly index: number;
	readonly total: number;
	readonly instruction: string;
	status: StepStatus;
	/** What the step printed, a line per entry (the last ones when it printed very many). */
	readonly output: string[];
	/** Lines dropped from the front of output. */
	dropped: number;
	/** The image this step left, short id as the engine prints it. */
	imageId?: string;
	readonly startedAt: number;
	endedAt?: number;
}

const STEP = /^Step (\d+)\/(\d+) : (.*)$/;
const ARROW = /^ ---> (.*)$/;
const MAX_STEP_LINES = 2000;

/**
 * The build as it stands, fed message by message: steps with their cache/run status and output,
 * the image id and tags at the end, or the error and the failing step's exit code.
 */
export class BuildLog {
	readonly steps: BuildStep[] = [];
	/** Lines before the first step, and warnings the engine prints outside steps. */
	readonly notes: string[] = [];
	imageId?: string;
	readonly tags: string[] = [];
	error?: { readonly message: string; readonly exitCode?: number };
	private partial = '';

	constructor(private readonly clock: () => number = Date.now) {}

	get current(): BuildStep | undefined {
		return this.steps.at(-1);
	}

	push(message: BuildMessage): void {
		if (message.aux?.ID) this.imageId = message.aux.ID;
		if (message.stream !== undefined) this.text(message.stream);
		if (message.error || message.errorDetail) {
			this.flush();
			const text = message.errorDetail?.message ?? message.error ?? T.misc.streams.buildFailed;
			const code = message.errorDetail?.code ?? Number(/non-zero code: (\d+)/.exec(text)?.[1] ?? NaN);
			this.error = { message: text.trim(), exitCode: Number.isFinite(code) ? code : undefined };
			const step = this.current;
			if (step && (step.status === 'running' || step.status === 'ran')) {
				step.status = 'failed';
				step.endedAt = this.clock();
			}
		}
	}

	/** Ends the log: a last line without a newline is kept. */
	finish(): void {
		this.flush();
		const step = this.current;
		if (step && step.endedAt === undefined && !this.error) {
			step.endedAt = this.clock();
			if (step.status === 'running') step.status = 'new';
		}
	}

	/** Counts for the summary line: steps from the cache, and steps built now (FROM is neither). */
	counts(): { cached: number; built: number } {
		const steps = this.steps.filter(s => !/^FROM\b/i.test(s.instruction));
		return {
			cached: steps.filter(s => s.status === 'cached').length,
			built: steps.filter(s => s.status === 'ran' || s.status === 'new').length,
		};
	}

	private text(chunk: string) {
		const lines = (this.partial + chunk).split('\n');
		this.partial = lines.pop()!;
		for (const line of lines) this.line(line.replace(/\r$/, ''));
	}

	private flush() {
		if (this.partial) this.line(this.partial);
		this.partial = '';
	}

	private line(raw: string) {
		// a progress bar redraws itself with \r: only its last state is worth keeping
		// the classic builder wraps a step's stderr in red (ESC[91m ... ESC[0m): the colour goes, the text stays
		const line = raw.slice(raw.lastIndexOf('\r') + 1).replace(/\u001b\[[0-9;]*m/g, '');
		const step = STEP.exec(line);
		if (step) {
			this.endStep();
			this.steps.push({
				index: Number(step[1]),
				total: Number(step[2]),
				instruction: step[3]!,
				status: 'running',
				output: [],
				dropped: 0,
				startedAt: this.clock(),
			});
			return;
		}
		const current = this.current;
		const arrow = ARROW.exec(line);
		if (arrow && current) {
			const what = arrow[1]!;
			if (what === 'Using cache') current.status = 'cached';
			else if (what.startsWith('Running in ')) current.status = 'ran';
			else if (/^[0-9a-f]{12,}$/.test(what)) {
				current.imageId = what;
				if (current.status === 'running') current.status = 'new';
				current.endedAt ??= this.clock();
			} else this.output(current, line);
			return;
		}
		const done = /^Successfully (built|tagged) (\S+)$/.exec(line);
		if (done) {
			if (done[1] === 'built') this.imageId ??= done[2];
			else this.tags.push(done[2]!);
			return;
		}
		if (/^Removing intermediate container [0-9a-f]+$/.test(line)) return;
		if (current && current.endedAt === undefined) this.output(current, line);
		else if (line.trim()) this.notes.push(line);
	}

	private endStep() {
		const step = this.current;
		if (step && step.endedAt === undefined) {
			step.endedAt = this.clock();
			if (step.status === 'running') step.status = 'new';
		}
	}

	private output(step: BuildStep, line: string) {
		step.output.push(line);
		if (step.output.length > MAX_STEP_LINES) {
			const extra = step.output.length - MAX_STEP_LINES;
			step.output.splice(0, extra);
			step.dropped += extra;
		}
	}
}
