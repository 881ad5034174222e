#!/usr/bin/env node
// Rewrites the key table in README.md from the key map (npm run readme:keys; needs npm run build first).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { keyTableMarkdown } from '../../dist/keymap/markdown.js';

const readme = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../README.md');
const text = fs.readFileSync(readme, 'utf8');
const next = text.replace(
	/<!-- keys:start -->\n[\s\S]*?<!-- keys:end -->/,
	`<!-- keys:start -->\n${keyTableMarkdown()}\n<!-- keys:end -->`,
);
if (next === text && !text.includes('<!-- keys:start -->')) {
	console.error('README.md has no <!-- keys:start --> / <!-- keys:end --> markers');
	process.exit(1);
}
fs.writeFileSync(readme, next);
console.log(next === text ? 'README key table already current' : 'README key table updated');
