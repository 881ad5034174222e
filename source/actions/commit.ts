import { engineMessage } from '../docker/errors.js';
import type { ContainerSummary } from '../docker/types.js';
import { shellWord } from '../format/argv.js';
import { parseReference, repositoryOf } from '../format/image-ref.js';
import type { ActionContext, Notice } from './context.js';

/** The instructions `docker commit --change` accepts. */
const CHANGE = /^(CMD|ENTRYPOINT|ENV|EXPOSE|HEALTHCHECK|LABEL|ONBUILD|STOPSIGNAL|USER|VOLUME|WORKDIR)\s+\S/i;

/** The steps of the commit form, in order: what each asks and how it is checked. */
export const COMMIT_STEPS = [
	{ field: 'reference', label: (name: string) => `Commit ${name} as (repository[:tag])`, check: (v: string) => checkReference(v) },
	{ field: 'message', label: () => 'Message (docker commit -m; Enter for none)', check: () => undefined },
	{ field: 'author', label: () => 'Author (docker commit -a; Enter for none)', check: () => undefined },
	{ field: 'changes', label: () => 'Changes (-c), separated by ; e.g. CMD ["sh"]; ENV MODE=prod (Enter for none)', check: (v: string) => checkChanges(v) },
] as const;

export type CommitForm = Partial<Record<(typeof COMMIT_STEPS)[number]['field'], string>>;

function checkReference(value: string): string | undefined {
	try {
		const ref = parseReference(value);
		return ref.digest ? 'an image name cannot carry a digest (@sha256:...)' : undefined;
	} catch (error) {
		return (error as Error).message;
	}
}

/** Splits the changes line; each must be an instruction commit accepts. */
export function splitChanges(value: string): string[] {
	return value.split(';').map(c => c.trim()).filter(Boolean);
}

function checkChanges(value: string): string | undefined {
	const bad = splitChanges(value).find(c => !CHANGE.test(c));
	return bad ? `"${bad}" is not a change commit accepts: use CMD, ENTRYPOINT, ENV, EXPOSE, HEALTHCHECK, LABEL, ONBUILD, STOPSIGNAL, USER, VOLUME or WORKDIR` : undefined;
}

/** The docker command the form amounts to, for the learner. */
export function commitCommand(name: string, form: CommitForm): string {
	const parts = ['docker commit'];
	if (form.message) parts.push(`-m ${shellWord(form.message)}`);
	if (form.author) parts.push(`-a ${shellWord(form.author)}`);
	for (const c of splitChanges(form.changes ?? '')) parts.push(`-c ${shellWord(c)}`);
	parts.push(name, form.reference ?? '');
	return parts.join(' ');
}

/**
 * `docker commit`: the container's writable layer becomes the top layer of a new image. The
 * container is paused meanwhile, as docker does, so the copy is consistent.
 */
export async function commit(ctx: ActionContext, container: ContainerSummary, form: CommitForm): Promise<{ notice: Notice; imageKey?: string }> {
	if (ctx.readOnly) return { notice: { text: 'docker commit is off under --read-only: dockdeck does not change the engine.', tone: 'warn' } };
	const ref = parseReference(form.reference ?? '');
	const repo = repositoryOf(ref);
	const tag = ref.tag ?? 'latest';
	try {
		const result = (await ctx.engine.api.getContainer(container.id).commit({
			repo,
			tag,
			comment: form.message || undefined,
			author: form.author || undefined,
			changes: splitChanges(form.changes ?? '').join('\n') || undefined,
			pause: true,
		})) as { Id?: string };
		const id = result.Id ?? '';
		return {
			notice: { text: `Committed ${container.name} as ${repo}:${tag} (${id.replace('sha256:', '').slice(0, 12)}): ${commitCommand(container.name, form)}`, tone: 'good' },
			imageKey: `${id}#${repo}:${tag}`,
		};
	} catch (error) {
		const message = engineMessage(error);
		if (/no such container/i.test(message)) return { notice: { text: `${container.name} was removed meanwhile: nothing was committed.`, tone: 'warn' } };
		return { notice: { text: `docker commit ${container.name} failed: ${message}`, tone: 'bad' } };
	}
}
