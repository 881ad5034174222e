import { fullTag } from '../../forms/build-form.js';
import { T } from '../../i18n/index.js';
import { dashboardReducer } from '../dashboard/dashboard-state.js';
import type { AppServices } from '../screen.js';
import { BuildSession, type BuildRequest } from '../../store/build-session.js';

/**
 * The build that outlives its view: Esc leaves it running, `b` shows it again, and its end (if
 * nobody was watching) is said in the status line. One per app (AppServices.keep).
 */
export class Builds {
	session: BuildSession | null = null;
	/** The end of the last build was seen in its view. */
	seenEnd = false;
	/** The build view is on screen. */
	viewing = false;
	/** The form's values of the last build, for `b` again. */
	lastValues?: Readonly<Record<string, string>>;

	get running(): boolean {
		return this.session?.running ?? false;
	}

	/** Starts a build (stopping one that runs); when it ends, the new image is selected on the dashboard. */
	start(app: AppServices, request: BuildRequest, values: Readonly<Record<string, string>>): BuildSession {
		this.lastValues = values;
		this.session?.cancel();
		const next = new BuildSession(app.engine.api, request);
		this.session = next;
		this.seenEnd = false;
		void next.done().then(() => {
			const W = T.work.forms;
			if (next.phase !== 'done' || !next.imageId) {
				if (!this.viewing)
					app.notice({
						text: next.phase === 'cancelled' ? W.buildStopped : W.buildFailed,
						tone: next.phase === 'cancelled' ? 'warn' : 'bad',
					});
				return;
			}
			const label = request.tag ? fullTag(request.tag) : '';
			const previous = next.previous && next.previous.id !== next.imageId ? next.previous : undefined;
			const build = {
				imageId: next.imageId,
				previousLayers: previous?.layers ?? [],
				previousLabel: previous ? W.previous(label, previous.id.replace('sha256:', '').slice(0, 12)) : '',
			};
			app.dashboard.update(s =>
				dashboardReducer(dashboardReducer(s, { type: 'lastBuild', build }), { type: 'selectImage', key: `${next.imageId}#${label}` }),
			);
			if (!this.viewing) app.notice({ text: W.built(label || next.imageId.slice(7, 19)), tone: 'good' });
		});
		return next;
	}
}

/** The app's builds. */
export const buildsOf = (app: AppServices) => app.keep('builds', () => new Builds());
