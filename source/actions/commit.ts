import { refusedReadOnly } from './lifecycle.js';
import { engineMessage } from '../docker/errors.js';
import type { ContainerSummary } from '../model/types.js';
import { shellWord } from '../format/argv.js';
import { parseReference, repositoryOf } from '../format/image-ref.js';
import type { ActionContext, Notice } from './context.js';
import { T } from '../i18n/index.js';

/** The instructions `docker commit --change` accepts. */
const CHANGE = /^(CMD|ENTRYPOINT|ENV|EXPOSE|HEALTHCHECK|LABEL|ONBUILD|STOPSIGNAL|USER|VOLUME|WORKDIR)\s+\S/i;

/** The steps of the commit form, in order: what each asks and how it is checked. */
export const COMMIT_STEPS = [
	{ field: 'reference', label: (name: string) => T.work.commit.reference(name), check: (v: string) => checkReference(v) },
	{ field: 'message', label: () => T.work.commit.message, check: () => undefined },
	{ field: 'author', label: () => T.work.commit.author, check: () => undefined },
	{ field: 'changes', label: () => T.work.commit.changes, check: (v: string) => checkChanges(v) },
] as const;

export type CommitForm = Partial<Record<(typeof COMMIT_STEPS)[number]['field'], string>>;

function checkReference(value: string): string | undefined {
	try {
		const ref = parseReference(value);
		return ref.digest ? T.work.commit.noDigest : undefined;
	} catch (error) {
		return (error as Error).message;
	}
}

/** Splits the changes line; each must be an instruction commit accepts. */
export function splitChanges(value: string): string[] {
	return value
		.split(';')
		.map(c => c.trim())
		.filter(Boolean);
}

function checkChanges(value: string): string | undefined {
	const bad = splitChanges(value).find(c => !CHANGE.test(c));
	return bad ? T.work.commit.badChange(bad) : undefined;
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

/** `docker commit` from the form: the new image is tagged, and the notice says the command it amounts to. */
export async function commit(
	ctx: ActionContext,
	container: ContainerSummary,
	form: CommitForm,
): Promise<{ notice: Notice; imageKey?: string }> {
	if (ctx.readOnly) return { notice: refusedReadOnly('docker commit') };
	const ref = parseReference(form.reference ?? '');
	const repo = repositoryOf(ref);
	const tag = ref.tag ?? 'latest';
	try {
		const id = await ctx.engine.api.commitContainer(container.id, {
			repository: repo,
			tag,
			message: form.message,
			author: form.author,
			changes: splitChanges(form.changes ?? ''),
		});
		return {
			notice: {
				text: T.work.commit.done(
					container.name,
					`${repo}:${tag}`,
					id.replace('sha256:', '').slice(0, 12),
					commitCommand(container.name, form),
				),
				tone: 'good',
			},
			imageKey: `${id}#${repo}:${tag}`,
		};
	} catch (error) {
		const message = engineMessage(error);
		if (/no such container/i.test(message)) return { notice: { text: T.work.commit.gone(container.name), tone: 'warn' } };
		return { notice: { text: T.actions.failed(`docker commit ${container.name}`, message), tone: 'bad' } };
	}
}
