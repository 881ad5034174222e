// A Unix socket in front of the engine's that counts the HTTP requests passing through it, so the
// benchmark can say how many API calls the dashboard makes while it sits idle.
import fs from 'node:fs';
import net from 'node:net';

const REQUEST_LINE = /(?:^|\r\n)(GET|POST|PUT|DELETE|HEAD) (\/\S*) HTTP\/1\.[01]\r\n/g;

export interface CountingProxy {
	readonly host: string;
	/** Every request seen so far: when, and its method and path. */
	readonly requests: readonly { readonly at: number; readonly line: string }[];
	close(): Promise<void>;
}

export async function countingProxy(target: string, socket: string): Promise<CountingProxy> {
	fs.rmSync(socket, { force: true });
	const requests: { at: number; line: string }[] = [];
	const sockets = new Set<net.Socket>();
	const server = net.createServer(client => {
		const upstream = net.connect(target);
		sockets.add(client).add(upstream);
		client.on('data', chunk => {
			for (const match of chunk.toString('latin1').matchAll(REQUEST_LINE)) requests.push({ at: performance.now(), line: `${match[1]} ${match[2]}` });
		});
		client.pipe(upstream).pipe(client);
		const end = () => {
			client.destroy();
			upstream.destroy();
			sockets.delete(client);
			sockets.delete(upstream);
		};
		client.on('error', end).on('close', end);
		upstream.on('error', end).on('close', end);
	});
	await new Promise<void>(resolve => server.listen(socket, resolve));
	return {
		host: `unix://${socket}`,
		requests,
		async close() {
			for (const s of sockets) s.destroy();
			await new Promise(resolve => server.close(resolve));
			fs.rmSync(socket, { force: true });
		},
	};
}
