import React from 'react';
import { Box, Text } from 'ink';
import { displayKey, KEYMAP, lookup, type Scope } from '../keymap/keymap.js';
import { inert } from '../format/text.js';

/** Key hints for the scopes in force, from the key table, and a status message at the right. */
export function Footer({ scopes, width, status }: { readonly scopes: readonly Scope[]; readonly width: number; readonly status?: string }) {
	// a hint whose key a more specific scope has taken over is left out
	const hints = KEYMAP.filter(b => b.hint && scopes.includes(b.scope) && lookup(b.keys[0]!, scopes)?.id === b.id).map(b => ({ key: b.hintKeys ?? displayKey(b.keys[0]!), hint: b.hint! }));
	return (
		<Box width={width} height={1}>
			<Text wrap="truncate">
				{hints.map(h => (
					<Text key={h.hint}>
						<Text bold color="cyan">{h.key}</Text>
						<Text color="gray">{` ${h.hint}  `}</Text>
					</Text>
				))}
				{status ? <Text color="yellow">{inert(status)}</Text> : null}
			</Text>
		</Box>
	);
}
