import { engineMessage } from '../docker/errors.js';
import type { ContainerSummary, ImageRow } from '../model/types.js';
import { shortId } from '../format/ids.js';
import { parseReference, repositoryOf } from '../format/image-ref.js';
import type { ActionContext, Notice } from './context.js';
import { refusedReadOnly, type Confirmation } from './lifecycle.js';
import { T } from '../i18n/index.js';

const names = (containers: readonly ContainerSummary[]) => containers.map(c => c.name).join(', ');

/**
 * The rmi dialog for one row of the images panel. A tag of an image with other tags is only
 * untagged. Stopped containers that use the image need an explicit force; a running one makes
 * docker refuse even with force, so force is not offered then.
 */
export function imageRemoveDialog(
	ctx: ActionContext,
	image: ImageRow,
	otherTags: readonly string[],
	users: readonly ContainerSummary[],
	force: boolean,
): Confirmation | Notice {
	if (ctx.readOnly) return refusedReadOnly('docker rmi');
	const M = T.work.rmi;
	const reference = image.dangling ? shortId(image.id) : `${image.repository}:${image.tag}`;
	const running = users.filter(u => u.state === 'running' || u.state === 'paused' || u.state === 'restarting');
	const stopped = users.filter(u => !running.includes(u));
	const untagOnly = !image.dangling && otherTags.length > 0;
	const lines = [
		untagOnly ? M.onlyName(otherTags.join(', ')) : M.deleted,
		users.length === 0 ? M.unused : M.usedBy(users.length, names(users), running.length ? names(running) : ''),
	];
	let refusal: string | undefined;
	if (!untagOnly && running.length) refusal = M.refuseRunning(names(running));
	else if (!untagOnly && stopped.length && !force) refusal = M.refuseStopped(names(stopped));
	const flag = force ? ' -f' : '';
	return {
		title: untagOnly ? M.untagTitle(reference) : M.removeTitle(reference),
		lines,
		command: `docker rmi${flag} ${reference}`,
		toggles: !untagOnly && stopped.length && !running.length ? [{ key: 'f', label: M.force, on: force }] : [],
		refusal,
		confirmLabel: untagOnly ? M.untag : M.remove,
		run: async () => {
			try {
				const result = await ctx.engine.api.removeImage(image.dangling ? image.id : reference, force);
				const deleted = result.deleted.length ? M.deletedCount(result.deleted.length) : M.stays;
				return { text: M.removed(reference, result.untagged.length, deleted, `docker rmi${flag} ${reference}`), tone: 'good' };
			} catch (error) {
				const message = engineMessage(error);
				if (/no such image/i.test(message)) return { text: M.gone(reference), tone: 'warn' };
				return { text: T.actions.failed(`docker rmi${flag} ${reference}`, message), tone: 'bad' };
			}
		},
	};
}

/** `docker tag`: validates the name first; an existing name is moved, as docker does, so it asks nothing. */
export async function tagAction(ctx: ActionContext, image: ImageRow, text: string): Promise<Notice> {
	if (ctx.readOnly) return refusedReadOnly('docker tag');
	let repository: string;
	let tag: string;
	try {
		const ref = parseReference(text);
		if (ref.digest) throw new Error(T.work.tag.noDigest);
		repository = repositoryOf(ref);
		tag = ref.tag ?? 'latest';
	} catch (error) {
		return { text: T.work.tag.not((error as Error).message), tone: 'bad' };
	}
	try {
		await ctx.engine.api.tagImage(image.id, repository, tag);
		return {
			text: T.work.tag.done(shortId(image.id), `${repository}:${tag}`, `docker tag ${shortId(image.id)} ${repository}:${tag}`),
			tone: 'good',
		};
	} catch (error) {
		return { text: T.actions.failed('docker tag', engineMessage(error)), tone: 'bad' };
	}
}
