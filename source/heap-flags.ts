/**
 * V8 sizes its heap when the process starts and lets it grow far past what dockdeck keeps alive
 * when logs flood in (live heap ~40 MB, resident 340 MB). A small young generation and an
 * old-space cap keep it flat (about 145 MB). They can only be given at start: the npm launcher
 * passes them to node, the single executable has them built in (SEA execArgv), and `node cli.js`
 * replaces itself once with them (see cli.ts).
 */
export const HEAP_FLAGS: readonly string[] = ['--max-semi-space-size=4', '--max-old-space-size=256'];
