import React from 'react';
import { Box, Text } from 'ink';
import type { EngineInfo } from '../docker/types.js';

interface HeaderProps {
	readonly engine: EngineInfo;
	readonly width: number;
	readonly containers: number;
	readonly running: number;
	readonly images: number;
	readonly readOnly: boolean;
}

/** The top line: which engine this is, always, and what it holds. */
export function Header({ engine, width, containers, running, images, readOnly }: HeaderProps) {
	const platform = engine.os ? `, ${engine.os}/${engine.arch}` : '';
	return (
		<Box width={width} height={1}>
			<Text wrap="truncate">
				<Text bold color="cyanBright">dockdeck</Text>
				{readOnly ? <Text color="yellow"> [read-only]</Text> : null}
				<Text> · </Text>
				<Text bold>{engine.address}</Text>
				<Text color="gray">{` · Docker ${engine.version} (API ${engine.apiVersion}${platform})`}</Text>
				<Text>{` · ${containers} containers, ${running} running · ${images} images`}</Text>
			</Text>
		</Box>
	);
}
