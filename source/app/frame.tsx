import type { ReactNode } from 'react';
import { Box } from 'ink';
import { ConnectionBanner } from '../components/banner.js';
import { Header } from '../components/header.js';
import { StatusLine, type PromptLine } from '../components/status-line.js';
import { formatDateTime } from '../format/age.js';
import { T } from '../i18n/index.js';
import type { ActionId, Scope } from '../keymap/keymap.js';
import type { Notice } from '../actions/context.js';
import type { Snapshot } from '../store/store.js';

/** What the frame around the screens shows. */
export interface FrameProps {
	readonly snapshot: Snapshot;
	readonly columns: number;
	readonly rows: number;
	readonly readOnly: boolean;
	readonly production?: boolean;
	readonly dockerContext?: string;
	/** The top body screen, drawn at the height it is given. */
	readonly body: (height: number) => ReactNode;
	/** It draws over the status line too (the key help). */
	readonly fullScreen: boolean;
	readonly status: {
		readonly prompt?: PromptLine;
		readonly notice?: Notice;
		readonly scopes: readonly Scope[];
		readonly always: ReadonlySet<ActionId>;
		readonly text?: string;
	};
}

/** Rows the body of a screen gets: the header, the banner, a prompt's error line and the status line take the rest. */
export function bodyHeight(rows: number, snapshot: Snapshot, prompt: PromptLine | undefined): number {
	return rows - 2 - (snapshot.connection.status === 'down' ? 1 : 0) - (prompt?.error ? 1 : 0);
}

/** The engine at the top, a banner while it is away, the top screen, the status line at the bottom. */
export function AppFrame({ snapshot, columns, rows, readOnly, production, dockerContext, body, fullScreen, status }: FrameProps) {
	const running = snapshot.containers.filter(c => c.state === 'running');
	const header = (
		<Header
			engine={snapshot.engine}
			width={columns}
			containers={snapshot.containers.length}
			running={running.length}
			unhealthy={running.filter(c => c.health === 'unhealthy').length}
			restarting={snapshot.containers.filter(c => c.state === 'restarting').length}
			images={snapshot.images.length}
			readOnly={readOnly}
			production={production}
			context={dockerContext}
		/>
	);
	return (
		<Box flexDirection="column" width={columns} height={rows}>
			{header}
			{fullScreen ? (
				body(rows - 1)
			) : (
				<>
					{snapshot.connection.status === 'down' ? (
						<ConnectionBanner
							state={snapshot.connection}
							width={columns}
							since={snapshot.syncedAt ? formatDateTime(snapshot.syncedAt) : T.banner.never}
						/>
					) : null}
					{body(bodyHeight(rows, snapshot, status.prompt))}
					<StatusLine
						prompt={status.prompt ?? null}
						notice={status.notice}
						width={columns}
						scopes={status.scopes}
						always={status.always}
						status={status.text ?? snapshot.refreshError}
					/>
				</>
			)}
		</Box>
	);
}
