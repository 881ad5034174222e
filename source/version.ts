import fs from 'node:fs';

// The bundler puts the version in as text (source/tools/bundle.mjs), so the bundle and the single
// executable need no package.json beside them; a plain tsc build reads it from the package.
declare const DOCKDECK_VERSION: string | undefined;

function fromPackage(): string {
	try {
		return (JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
	} catch {
		return 'unknown';
	}
}

/** dockdeck's version, as `--version` prints it. */
export const VERSION: string = typeof DOCKDECK_VERSION === 'string' ? DOCKDECK_VERSION : fromPackage();
