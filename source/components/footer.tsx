import { Box, Text } from 'ink';
import { activeKeymap, displayKey, lookup, type ActionId, type Scope } from '../keymap/keymap.js';
import { displayWidth, inert } from '../format/text.js';
import { T } from '../i18n/index.js';

/** The key hints that fit `width`: the essential ones (`always`) whatever the width, the others in table order while they fit. */
export function footerHints(
	scopes: readonly Scope[],
	width: number,
	always: ReadonlySet<ActionId>,
): { id: ActionId; key: string; hint: string }[] {
	// a hint whose key a more specific scope has taken over is left out
	const all = activeKeymap()
		.filter(b => b.hint && scopes.includes(b.scope) && lookup(b.keys[0]!, scopes)?.id === b.id)
		.map(b => ({ id: b.id, key: b.hintKeys ?? displayKey(b.keys[0]!), hint: T.keys[b.id][1] ?? b.hint! }));
	const cost = (h: { key: string; hint: string }) => displayWidth(`${h.key} ${h.hint}  `);
	let room = width - all.filter(h => always.has(h.id)).reduce((n, h) => n + cost(h), 0);
	return all.filter(h => {
		if (always.has(h.id)) return true;
		if (cost(h) > room) return false;
		room -= cost(h);
		return true;
	});
}

/** Key hints for the scopes in force, from the key table, and a status message at the right. */
export function Footer({
	scopes,
	width,
	always,
	status,
}: {
	readonly scopes: readonly Scope[];
	readonly width: number;
	readonly always: ReadonlySet<ActionId>;
	readonly status?: string;
}) {
	const hints = footerHints(scopes, status ? Math.floor(width / 2) : width, always);
	return (
		<Box width={width} height={1}>
			<Text wrap="truncate">
				{hints.map(h => (
					<Text key={h.id}>
						<Text bold color="cyan">
							{h.key}
						</Text>
						<Text color="gray">{` ${h.hint}  `}</Text>
					</Text>
				))}
				{status ? <Text color="yellow">{inert(status)}</Text> : null}
			</Text>
		</Box>
	);
}
