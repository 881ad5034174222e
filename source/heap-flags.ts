/**
 * V8 sizes its heap when the process starts and lets it grow far past what dockdeck keeps alive
 * when logs flood in (live heap ~40 MB, resident 340 MB). A capped young generation and old space
 * keep it flat (~158 MB at most over a minute's flood). 16 MB of semi-space rather than 4: a flood's
 * young collections take half the time (39 vs 71 ms a second) and a key's p95 during it drops
 * (~58 -> ~53 ms at the terminal, 35 -> 27 ms inside dockdeck), for ~20 MB more resident memory
 * (128 MB with 1,000 containers; 32 MB was worse again). They can only be given at start: the npm launcher
 * passes them to node, the single executable has them built in (SEA execArgv), and `node cli.js`
 * replaces itself once with them (see cli.ts).
 */
export const HEAP_FLAGS: readonly string[] = ['--max-semi-space-size=16', '--max-old-space-size=256'];
