import { useRef, useState, type RefObject } from 'react';
import type { ActionContext, Notice } from './actions/context.js';
import { copyDialog } from './actions/copy.js';
import { imageRemoveDialog } from './actions/images.js';
import { lifecycle, removeDialog, type Confirmation } from './actions/lifecycle.js';
import type { ContainerSummary, ImageRow } from './model/types.js';
import type { Snapshot } from './store/store.js';
import type { PendingConfirm, UiAction, UiState } from './store/ui.js';
import { T } from './i18n/index.js';

/**
 * The actions' side of the app: the status-line notice, one action at a time, and the
 * confirmation dialogs for container lifecycle and removal.
 */
export function useActions(context: ActionContext, snapshot: Snapshot, selected: ContainerSummary | undefined, uiRef: RefObject<UiState>, dispatch: (action: UiAction) => void, pruneDialog: () => Confirmation | undefined, startupNotice?: Notice) {
	const [notice, setNotice] = useState<Notice | undefined>(startupNotice);
	const busy = useRef(false);

	/** Runs an async action once at a time, its progress and result going to the status line. */
	const perform = (task: (report: (progress: string) => void) => Promise<Notice | undefined>) => {
		if (busy.current) {
			setNotice({ text: T.actions.busy, tone: 'warn' });
			return;
		}
		busy.current = true;
		task(progress => setNotice({ text: progress, tone: 'info' }))
			.then(result => setNotice(result), (error: unknown) => setNotice({ text: T.actions.failedPlain(error instanceof Error ? error.message : String(error)), tone: 'bad' }))
			.finally(() => (busy.current = false));
	};

	/** The dialog as it stands now, rebuilt from the live snapshot: the container may have gone meanwhile. */
	const confirmation = (pending: PendingConfirm | null): Confirmation | undefined => {
		if (!pending) return undefined;
		if (pending.kind === 'prune') return pruneDialog();
		const container = snapshot.containers.find(c => c.id === pending.targetId);
		const image = snapshot.images.find(i => i.key === pending.targetId);
		if (pending.kind === 'image-remove' ? !image : !container) {
			return {
				title: T.actions.vanished.title(pending.name),
				lines: [T.actions.vanished.line],
				command: '',
				toggles: [],
				confirmLabel: T.actions.vanished.confirm,
				run: async () => ({ text: T.actions.vanished.result(pending.name), tone: 'warn' }),
			};
		}
		const result =
			pending.kind === 'image-remove'
				? imageDialog(image!, pending.force)
				: pending.kind === 'remove'
					? removeDialog(context, container!, pending)
					: pending.kind === 'copy' && pending.copy
						? copyDialog(context, container!, pending.copy, pending.force)
						: lifecycle(context, container!, pending.verb ?? 'stop');
		if ('run' in result) return result;
		// the state changed under the dialog so that the action no longer applies
		const why = typeof result === 'function' ? T.misc.stale.changed : result.text;
		return { title: T.misc.stale.title(pending.name), lines: [why], command: '', toggles: [], confirmLabel: T.misc.stale.close, run: async () => ({ text: why, tone: 'warn' }) };
	};

	const containerAction = (kind: 'lifecycle' | 'remove', verb?: 'start' | 'stop' | 'restart' | 'pause' | 'kill') => {
		const container = selected;
		if (!container) return setNotice({ text: T.actions.noContainer, tone: 'warn' });
		const effective = verb === 'pause' && container.state === 'paused' ? 'unpause' : verb;
		const result = kind === 'remove' ? removeDialog(context, container, { force: false, volumes: false }) : lifecycle(context, container, effective ?? 'stop');
		if (typeof result === 'function') perform(result);
		else if ('run' in result) dispatch({ type: 'confirmOpen', confirm: { kind, targetId: container.id, name: container.name, verb: effective === 'unpause' || effective === 'start' ? undefined : effective, force: false, volumes: false } });
		else setNotice(result);
	};

	/** The rmi dialog for an images panel row, with its other tags and the containers that use it. */
	const imageDialog = (image: ImageRow, force: boolean) =>
		imageRemoveDialog(
			context,
			image,
			snapshot.images.filter(i => i.id === image.id && i.key !== image.key && !i.dangling).map(i => `${i.repository}:${i.tag}`),
			snapshot.containers.filter(c => c.imageId === image.id),
			force,
		);

	const imageRemove = (image: ImageRow | undefined) => {
		if (!image) return setNotice({ text: T.actions.noImage, tone: 'warn' });
		const result = imageDialog(image, false);
		if ('run' in result) dispatch({ type: 'confirmOpen', confirm: { kind: 'image-remove', targetId: image.key, name: image.dangling ? image.id.slice(7, 19) : `${image.repository}:${image.tag}`, force: false, volumes: false } });
		else setNotice(result);
	};

	const acceptConfirm = () => {
		const current = confirmation(uiRef.current.confirm);
		if (!current) return;
		if (current.refusal) return; // the dialog says why; it stays open for the choice or Esc
		dispatch({ type: 'confirmClose' });
		perform(report => current.run(report));
	};

	return { notice, setNotice, perform, confirmation, containerAction, imageRemove, acceptConfirm };
}
