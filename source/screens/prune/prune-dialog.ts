import { formatBytes } from '../../format/bytes.js';
import { estimate, type PruneState } from './prune-state.js';
import type { Notice } from '../../actions/context.js';
import type { Confirmation } from '../../actions/lifecycle.js';
import { T } from '../../i18n/index.js';

/** The last question before a prune: what goes, by group, what it should free, and how it is done. */
export function pruneDialog(state: PruneState, run: () => Promise<Notice>): Confirmation {
	const chosen = state.items.filter(i => state.ticked.has(i.id));
	const groups = [...new Set(chosen.map(i => i.group))].map(group => {
		const members = chosen.filter(i => i.group === group);
		return T.actions.prune.group(members.length, T.prune.groups[group] ?? group, members.map(i => i.label).join(', '));
	});
	const containers = chosen.filter(i => i.kind === 'container').map(i => i.label);
	const images = chosen.filter(i => i.kind === 'image').flatMap(i => (i.tags.length ? i.tags : [i.id.replace('sha256:', '').slice(0, 12)]));
	const cache = chosen.filter(i => i.kind === 'build-cache').map(i => `--filter id=${i.id}`);
	return {
		title: T.actions.prune.title(chosen.length, formatBytes(estimate(state))),
		lines: [...groups, T.actions.prune.how],
		command: [
			containers.length ? `docker rm ${containers.join(' ')}` : '',
			images.length ? `docker rmi ${images.join(' ')}` : '',
			...cache.map(f => `docker builder prune -f ${f}`),
		]
			.filter(Boolean)
			.join(' && '),
		toggles: [],
		refusal: chosen.length === 0 ? T.actions.prune.nothingTicked : undefined,
		confirmLabel: T.actions.prune.confirm,
		run,
	};
}
