// A container registry for the tests, in memory: the parts of the Registry HTTP API v2 that
// `docker push` and `docker pull` use, so that images get real digests (RepoDigests) and a pull
// can happen without the internet. The engine talks plain HTTP to 127.0.0.1, as it allows for
// loopback registries.
import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestRegistry {
	/** "127.0.0.1:PORT", the registry part of an image reference. */
	readonly host: string;
	/** Requests that fetched a blob or a manifest: a pull shows up here. */
	readonly pulls: string[];
	close(): Promise<void>;
}

const sha256 = (data: Buffer) => `sha256:${createHash('sha256').update(data).digest('hex')}`;

/** Starts the registry on a free loopback port. */
export async function startRegistry(): Promise<TestRegistry> {
	const blobs = new Map<string, Buffer>();
	const manifests = new Map<string, { type: string; body: Buffer }>();
	const uploads = new Map<string, Buffer[]>();
	const pulls: string[] = [];
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const body = Buffer.concat(chunks);
			const url = new URL(req.url ?? '/', 'http://registry');
			const send = (status: number, headers: Record<string, string | number> = {}, data?: Buffer) => {
				res.writeHead(status, {
					'Docker-Distribution-API-Version': 'registry/2.0',
					...(data ? { 'Content-Length': data.length } : { 'Content-Length': 0 }),
					...headers,
				});
				res.end(req.method === 'HEAD' ? undefined : data);
			};
			if (url.pathname === '/v2/' || url.pathname === '/v2') return send(200, { 'Content-Type': 'application/json' }, Buffer.from('{}'));
			let m = /^\/v2\/(.+)\/blobs\/uploads\/([^/]*)$/.exec(url.pathname);
			if (m) {
				const [, name, id] = m;
				if (req.method === 'POST') {
					const uuid = randomUUID();
					uploads.set(uuid, body.length ? [body] : []);
					return send(202, { Location: `/v2/${name}/blobs/uploads/${uuid}`, 'Docker-Upload-UUID': uuid, Range: '0-0' });
				}
				const parts = uploads.get(id!);
				if (!parts) return send(404);
				if (body.length) parts.push(body);
				const size = parts.reduce((n, p) => n + p.length, 0);
				if (req.method === 'PATCH')
					return send(202, { Location: `/v2/${name}/blobs/uploads/${id}`, 'Docker-Upload-UUID': id!, Range: `0-${Math.max(0, size - 1)}` });
				if (req.method === 'PUT') {
					const data = Buffer.concat(parts);
					const digest = url.searchParams.get('digest') ?? '';
					if (sha256(data) !== digest) return send(400);
					blobs.set(digest, data);
					uploads.delete(id!);
					return send(201, { Location: `/v2/${name}/blobs/${digest}`, 'Docker-Content-Digest': digest });
				}
				return send(405);
			}
			m = /^\/v2\/(.+)\/blobs\/(sha256:[0-9a-f]{64})$/.exec(url.pathname);
			if (m) {
				const data = blobs.get(m[2]!);
				if (!data) return send(404);
				if (req.method === 'GET') pulls.push(`blob ${m[2]}`);
				return send(200, { 'Docker-Content-Digest': m[2]!, 'Content-Type': 'application/octet-stream' }, data);
			}
			m = /^\/v2\/(.+)\/manifests\/([^/]+)$/.exec(url.pathname);
			if (m) {
				const [, name, ref] = m;
				if (req.method === 'PUT') {
					const stored = { type: req.headers['content-type'] ?? 'application/vnd.docker.distribution.manifest.v2+json', body };
					const digest = sha256(body);
					manifests.set(`${name}:${ref}`, stored);
					manifests.set(`${name}:${digest}`, stored);
					return send(201, { Location: `/v2/${name}/manifests/${digest}`, 'Docker-Content-Digest': digest });
				}
				const stored = manifests.get(`${name}:${ref}`);
				if (!stored) return send(404, { 'Content-Type': 'application/json' });
				if (req.method === 'GET') pulls.push(`manifest ${name}:${ref}`);
				return send(200, { 'Content-Type': stored.type, 'Docker-Content-Digest': sha256(stored.body) }, stored.body);
			}
			send(404);
		});
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		host: `127.0.0.1:${port}`,
		pulls,
		close: () => new Promise<void>(resolve => server.close(() => resolve())),
	};
}
