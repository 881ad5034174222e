import { Box, Text } from 'ink';
import type { EngineInfo } from '../docker/types.js';
import { displayWidth, truncate } from '../format/text.js';
import { T } from '../i18n/index.js';

interface HeaderProps {
	readonly engine: EngineInfo;
	readonly width: number;
	readonly containers: number;
	readonly running: number;
	readonly images: number;
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

/** The top line: which engine this is, always, and what it holds. */
export function Header({ engine, width, containers, running, images, readOnly, production, context = 'default' }: HeaderProps) {
	const name = `dockdeck${production ? ` ${T.header.production}` : ''}${readOnly ? ` ${T.header.readOnly}` : ''} · ${context}`;
	const counts = T.header.counts(containers, running, images);
	const address = truncate(engine.address, Math.max(12, width - displayWidth(name) - displayWidth(counts) - 6));
	const room = width - displayWidth(name) - displayWidth(address) - displayWidth(counts) - 9;
	const version = engineText(engine, room);
	return (
		<Box width={width} height={1}>
			<Text wrap="truncate">
				<Text bold color="cyanBright">dockdeck</Text>
				{production ? <Text bold inverse color="red">{` ${T.header.production} `}</Text> : null}
				{readOnly ? <Text color="yellow">{` ${T.header.readOnly}`}</Text> : null}
				<Text> · </Text>
				<Text color="magenta">{context}</Text>
				<Text> · </Text>
				<Text bold>{address}</Text>
				{version ? <Text color="gray">{` · ${version}`}</Text> : null}
				<Text>{` · ${counts}`}</Text>
			</Text>
		</Box>
	);
}
