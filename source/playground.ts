import { engineMessage } from './docker/errors.js';
import type { EngineApi } from './docker/api.js';
import { PLAYGROUND_LABEL, PRACTICES } from './docker/playground.js';
import { formatBytes } from './format/bytes.js';
import { T } from './i18n/index.js';

/** How the playground talks to the person: a question answered by a line, and printed lines. */
export interface Conversation {
	/** undefined when nobody can answer (stdin is not a terminal). */
	readonly ask?: (question: string) => Promise<string>;
	readonly print: (line: string) => void;
}

const yes = (answer: string) => /^(y|yes|예|네|ㅇ)$/i.test(answer.trim());

/** Picks the image: --image, else a numbered choice of the local ones; pulls only when the person agrees. */
async function chooseImage(docker: EngineApi, given: string | undefined, io: Conversation): Promise<string | undefined> {
	const P = T.playground;
	if (given !== undefined) {
		if (await docker.hasImage(given)) return given;
		if (!io.ask) return void io.print(P.notLocalNoAsk(given));
		if (!yes(await io.ask(P.pullQuestion(given)))) return void io.print(P.notPulled);
		io.print(P.pulling(given));
		await docker.pullImage(given);
		return given;
	}
	const images = await docker.localImages();
	if (images.length === 0) return void io.print(P.noImages);
	if (!io.ask) return void io.print(P.giveImage(images.slice(0, 5).map(i => i.reference)));
	io.print(P.pickTitle);
	images.slice(0, 20).forEach((image, i) => io.print(`  ${String(i + 1).padStart(2)}  ${image.reference}  (${formatBytes(image.size)})`));
	const answer = (await io.ask(P.pickQuestion(images[0]!.reference))).trim();
	if (answer === '') return images[0]!.reference;
	const chosen = /^\d+$/.test(answer)
		? images[Number(answer) - 1]?.reference
		: images.find(i => i.reference === answer || i.reference === `${answer}:latest`)?.reference;
	if (!chosen) return void io.print(P.badChoice(answer));
	return chosen;
}

/**
 * `dockdeck playground`: one detached ticker, one -it shell to attach and detach, one exited -it
 * container to start again with -ai, all labelled. Nothing is made when any name is taken; a
 * container that fails to start takes the ones made before it away again.
 */
export async function createPlayground(
	docker: EngineApi,
	options: { image?: string; detachKeys: string },
	io: Conversation,
): Promise<number> {
	const P = T.playground;
	const taken = await docker.takenNames();
	if (taken.some(t => t.labelled)) {
		io.print(P.exists(taken.filter(t => t.labelled).map(t => t.name)));
		return 0;
	}
	if (taken.length) {
		io.print(P.nameTaken(taken.map(t => t.name)));
		return 1;
	}
	const image = await chooseImage(docker, options.image, io);
	if (!image) return 1;
	const made: string[] = [];
	for (const practice of PRACTICES) {
		try {
			made.push(await docker.createPractice(practice, image));
		} catch (error) {
			for (const id of made) await docker.removePractice(id).catch(() => undefined);
			await removeByName(docker, practice.name);
			io.print(P.failed(practice.name, image, engineMessage(error)));
			return 1;
		}
	}
	io.print(P.created(image, PLAYGROUND_LABEL));
	for (const practice of PRACTICES) io.print(`  ${practice.name.padEnd(18)} ${P.roles[practice.role](practice.name, options.detachKeys)}`);
	io.print(P.next);
	return 0;
}

/** A practice container half made (created, failed to start) goes too, if it carries the label. */
async function removeByName(docker: EngineApi, name: string): Promise<void> {
	const found = (await docker.playgroundContainers()).find(c => c.name === name);
	if (found) await docker.removePractice(found.id).catch(() => undefined);
}

/** `dockdeck playground --clean`: lists the labelled containers, asks, removes exactly those. */
export async function cleanPlayground(docker: EngineApi, options: { yes: boolean }, io: Conversation): Promise<number> {
	const P = T.playground;
	const found = await docker.playgroundContainers();
	if (found.length === 0) {
		io.print(P.nothingToClean(PLAYGROUND_LABEL));
		return 0;
	}
	io.print(P.willRemove(found.length, PLAYGROUND_LABEL));
	for (const c of found) io.print(`  ${c.name.padEnd(18)} ${c.state}`);
	if (!options.yes) {
		if (!io.ask) {
			io.print(P.confirmNoAsk);
			return 1;
		}
		if (!yes(await io.ask(P.removeQuestion(found.length)))) {
			io.print(P.cancelled);
			return 1;
		}
	}
	let failed = 0;
	for (const c of found) {
		try {
			await docker.removePractice(c.id);
			io.print(P.removed(c.name));
		} catch (error) {
			failed++;
			io.print(P.notRemoved(c.name, engineMessage(error)));
		}
	}
	return failed ? 1 : 0;
}
