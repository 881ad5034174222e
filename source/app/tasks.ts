import { useRef, useState } from 'react';
import type { Notice } from '../actions/context.js';
import { T } from '../i18n/index.js';
import type { Task } from '../screens/screen.js';

/** The status line's notice, and actions run one at a time with their progress and result in it. */
export function useTasks(first?: Notice) {
	const [notice, setNotice] = useState<Notice | undefined>(first);
	const busy = useRef(false);
	const perform = (task: Task) => {
		if (busy.current) return setNotice({ text: T.actions.busy, tone: 'warn' });
		busy.current = true;
		task(progress => setNotice({ text: progress, tone: 'info' }))
			.then(
				result => setNotice(result),
				(error: unknown) => setNotice({ text: T.actions.failedPlain(error instanceof Error ? error.message : String(error)), tone: 'bad' }),
			)
			.finally(() => (busy.current = false));
	};
	return { notice, setNotice, perform };
}
