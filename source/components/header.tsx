import { Box, Text } from 'ink';
import type { EngineInfo } from '../model/types.js';
import { displayWidth, truncate } from '../format/text.js';
import { T } from '../i18n/index.js';

interface HeaderProps {
	readonly engine: EngineInfo;
	readonly width: number;
	readonly containers: number;
	readonly running: number;
	readonly images: number;
	/** Containers whose healthcheck fails, and containers the engine keeps restarting: said in red. */
	readonly unhealthy?: number;
	readonly restarting?: number;
	readonly readOnly: boolean;
	/** Marked production in the config: said in red before anything else. */
	readonly production?: boolean;
	/** The docker context the engine came from ("default" for --host, DOCKER_HOST or the local socket). */
	readonly context?: string;
}

/**
 * The engine description that fits: detail is dropped before the counts, so the engine's address
 * and what it holds are always on screen.
 */
export function engineText(engine: EngineInfo, room: number): string {
	const version = engine.version.replace(/\+.*$/, '');
	const candidates = [
		`Docker ${engine.version} (API ${engine.apiVersion}${engine.os ? `, ${engine.os}/${engine.arch}` : ''})`,
		`Docker ${version} (API ${engine.apiVersion})`,
		`Docker ${version}`,
		'',
	];
	return candidates.find(c => displayWidth(c) <= room) ?? '';
}

/** The top line: which engine this is, always, what needs a look, and what it holds. */
export function Header({
	engine,
	width,
	containers,
	running,
	images,
	unhealthy = 0,
	restarting = 0,
	readOnly,
	production,
	context = 'default',
}: HeaderProps) {
	const name = `dockdeck${production ? ` ${T.header.production}` : ''}${readOnly ? ` ${T.header.readOnly}` : ''} · ${context}`;
	const counts = T.header.counts(containers, running, images);
	const trouble = T.header.trouble(unhealthy, restarting);
	const extra = trouble ? displayWidth(trouble) + 3 : 0;
	// the address first, then what needs a look; the counts (the panels' titles repeat them) are cut first
	const address = truncate(engine.address, Math.max(12, width - displayWidth(name) - extra - 6));
	const room = width - displayWidth(name) - displayWidth(address) - displayWidth(counts) - extra - 9;
	const version = engineText(engine, room);
	return (
		<Box width={width} height={1}>
			<Text wrap="truncate">
				<Text bold color="cyanBright">
					dockdeck
				</Text>
				{production ? <Text bold inverse color="red">{` ${T.header.production} `}</Text> : null}
				{readOnly ? <Text color="yellow">{` ${T.header.readOnly}`}</Text> : null}
				<Text> · </Text>
				<Text color="magenta">{context}</Text>
				<Text> · </Text>
				<Text bold>{address}</Text>
				{version ? <Text color="gray">{` · ${version}`}</Text> : null}
				{/* what needs a look comes before the counts, which the panels' titles repeat: cut first when narrow */}
				{trouble ? <Text bold color="red">{` · ${trouble}`}</Text> : null}
				<Text>{` · ${counts}`}</Text>
			</Text>
		</Box>
	);
}
