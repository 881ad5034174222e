// npm run image: dockdeck as a container image, run as
//   docker run --rm -it -v /var/run/docker.sock:/var/run/docker.sock dockdeck
// FROM scratch (source/tools/image/Dockerfile): the single executable for this machine's CPU
// (npm run dist) and the shared libraries it loads, as ldd lists them, at the same paths; a
// passwd entry for root, HOME and /tmp. Built with the docker CLI on the engine DOCKER_HOST names.
// Usage: node source/tools/image.mjs [--tag name:tag ...] [--context-only]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const { version } = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const args = process.argv.slice(2);
const tags = [];
let contextOnly = false;
for (let i = 0; i < args.length; i++) {
	if (args[i] === '--context-only') contextOnly = true;
	else if (args[i] === '--tag' && args[i + 1]) tags.push(args[++i]);
	else throw new Error(`image: unknown argument ${args[i]}: use --tag name:tag (repeatable) or --context-only`);
}
if (tags.length === 0) tags.push(`dockdeck:${version}`, 'dockdeck:latest');

const executable = path.resolve(`dist/dockdeck-linux-${os.arch()}`);
if (!fs.existsSync(executable)) throw new Error(`image: ${path.relative('.', executable)} is missing: run npm run dist first`);

const context = path.resolve('dist/image');
const rootfs = path.join(context, 'rootfs');
fs.rmSync(context, { recursive: true, force: true });
const put = (file, to = file) => {
	const target = path.join(rootfs, to);
	fs.mkdirSync(path.dirname(target), { recursive: true });
	fs.copyFileSync(file, target); // a symlink's target, under the link's name
	fs.chmodSync(target, fs.statSync(file).mode & 0o777);
};
put(executable, '/usr/local/bin/dockdeck');
// "libstdc++.so.6 => /lib/x86_64-linux-gnu/libstdc++.so.6 (0x...)" and "/lib64/ld-linux-x86-64.so.2 (0x...)"
const libraries = execFileSync('ldd', [executable], { encoding: 'utf8' })
	.split('\n')
	.map(line => /(?:=>\s*)?(\/\S+)\s+\(0x/.exec(line)?.[1])
	.filter(Boolean);
if (!libraries.some(lib => lib.includes('libc.so'))) throw new Error(`image: ldd found no libc for ${executable}`);
for (const lib of libraries) put(lib);
fs.mkdirSync(path.join(rootfs, 'etc'), { recursive: true });
fs.writeFileSync(path.join(rootfs, 'etc/passwd'), 'root:x:0:0:root:/root:/usr/local/bin/dockdeck\n');
fs.writeFileSync(path.join(rootfs, 'etc/group'), 'root:x:0:\n');
fs.mkdirSync(path.join(rootfs, 'root'), { recursive: true });
fs.mkdirSync(path.join(rootfs, 'tmp'), { recursive: true });
fs.chmodSync(path.join(rootfs, 'tmp'), 0o1777);
fs.copyFileSync(path.join(import.meta.dirname, 'image', 'Dockerfile'), path.join(context, 'Dockerfile'));
process.stdout.write(`[image] context ${path.relative('.', context)}: the executable and ${libraries.length} libraries\n`);
if (contextOnly) process.exit(0);
execFileSync('docker', ['build', ...tags.flatMap(tag => ['--tag', tag]), context], { stdio: 'inherit' });
process.stdout.write(`[image] built ${tags.join(', ')}\n`);
