import { engineMessage } from '../docker/errors.js';
import { removeImage, tagImage } from '../docker/image-ops.js';
import type { ContainerSummary, ImageRow } from '../docker/types.js';
import { shortId } from '../format/ids.js';
import { parseReference, repositoryOf } from '../format/image-ref.js';
import type { ActionContext, Notice } from './context.js';
import type { Confirmation } from './lifecycle.js';

const names = (containers: readonly ContainerSummary[]) => containers.map(c => c.name).join(', ');

/**
 * The rmi dialog for one row of the images panel. A tag of an image with other tags is only
 * untagged. Stopped containers that use the image need an explicit force; a running one makes
 * docker refuse even with force, so force is not offered then.
 */
export function imageRemoveDialog(ctx: ActionContext, image: ImageRow, otherTags: readonly string[], users: readonly ContainerSummary[], force: boolean): Confirmation | Notice {
	if (ctx.readOnly) return { text: 'docker rmi is off under --read-only: dockdeck does not change the engine.', tone: 'warn' };
	const reference = image.dangling ? shortId(image.id) : `${image.repository}:${image.tag}`;
	const running = users.filter(u => u.state === 'running' || u.state === 'paused' || u.state === 'restarting');
	const stopped = users.filter(u => !running.includes(u));
	const untagOnly = !image.dangling && otherTags.length > 0;
	const lines = [
		untagOnly
			? `Only this name goes: the image stays, still tagged ${otherTags.join(', ')}.`
			: 'The image is deleted with every layer no other image uses. Pulling or building it again is the only way back.',
		users.length === 0 ? 'No container uses it.' : `Used by ${users.length} container${users.length === 1 ? '' : 's'}: ${names(users)}${running.length ? ` (running: ${names(running)})` : ''}.`,
	];
	let refusal: string | undefined;
	if (!untagOnly && running.length) refusal = `Docker refuses while a running container uses it, even with force: stop and remove ${names(running)} first.`;
	else if (!untagOnly && stopped.length && !force) refusal = `Stopped containers use it (${names(stopped)}): press f to force (the name goes; its layers stay while those containers exist), or remove them first.`;
	const flag = force ? ' -f' : '';
	return {
		title: untagOnly ? `Untag ${reference}?` : `Remove image ${reference}?`,
		lines,
		command: `docker rmi${flag} ${reference}`,
		toggles: !untagOnly && stopped.length && !running.length ? [{ key: 'f', label: 'force (stopped containers use it)', on: force }] : [],
		refusal,
		confirmLabel: untagOnly ? 'untag' : 'remove',
		run: async () => {
			try {
				const result = await removeImage(ctx.engine.api, image.dangling ? image.id : reference, force);
				const deleted = result.deleted.length ? `; deleted ${result.deleted.length} image and layer record${result.deleted.length === 1 ? '' : 's'}` : '; the image stays';
				return { text: `Removed ${reference}: untagged ${result.untagged.length}${deleted} (docker rmi${flag} ${reference}).`, tone: 'good' };
			} catch (error) {
				const message = engineMessage(error);
				if (/no such image/i.test(message)) return { text: `${reference} was already gone: nothing removed.`, tone: 'warn' };
				return { text: `docker rmi${flag} ${reference} failed: ${message}`, tone: 'bad' };
			}
		},
	};
}

/** `docker tag`: validates the name first; an existing name is moved, as docker does, so it asks nothing. */
export async function tagAction(ctx: ActionContext, image: ImageRow, text: string): Promise<Notice> {
	if (ctx.readOnly) return { text: 'docker tag is off under --read-only: dockdeck does not change the engine.', tone: 'warn' };
	let repository: string;
	let tag: string;
	try {
		const ref = parseReference(text);
		if (ref.digest) throw new Error('a tag cannot carry a digest (@sha256:...)');
		repository = repositoryOf(ref);
		tag = ref.tag ?? 'latest';
	} catch (error) {
		return { text: `Not tagged: ${(error as Error).message}.`, tone: 'bad' };
	}
	try {
		await tagImage(ctx.engine.api, image.id, repository, tag);
		return { text: `Tagged ${shortId(image.id)} as ${repository}:${tag} (docker tag ${shortId(image.id)} ${repository}:${tag}).`, tone: 'good' };
	} catch (error) {
		return { text: `docker tag failed: ${engineMessage(error)}`, tone: 'bad' };
	}
}
