// A Unix socket in front of the engine's that counts the HTTP requests passing through it, and the
// bytes of each answer, so the benchmark and the tests can say what the dashboard asks while it sits idle.
import fs from 'node:fs';
import net from 'node:net';

const REQUEST_LINE = /(?:^|\r\n)(GET|POST|PUT|DELETE|HEAD) (\/\S*) HTTP\/1\.[01]\r\n/g;

/** One request seen: when (performance.now()), its method and path, and the bytes of its answer so far. */
export interface SeenRequest {
	readonly at: number;
	readonly line: string;
	bytes: number;
}

export interface CountingProxy {
	readonly host: string;
	/** Every request seen so far. */
	readonly requests: readonly SeenRequest[];
	close(): Promise<void>;
}

export async function countingProxy(target: string, socket: string): Promise<CountingProxy> {
	fs.rmSync(socket, { force: true });
	const requests: SeenRequest[] = [];
	const sockets = new Set<net.Socket>();
	const server = net.createServer(client => {
		const upstream = net.connect(target);
		sockets.add(client).add(upstream);
		// requests on one connection are answered in turn: the bytes coming back belong to the last one sent
		let last: SeenRequest | undefined;
		client.on('data', chunk => {
			for (const match of chunk.toString('latin1').matchAll(REQUEST_LINE)) {
				last = { at: performance.now(), line: `${match[1]} ${match[2]}`, bytes: 0 };
				requests.push(last);
			}
		});
		upstream.on('data', chunk => {
			if (last) last.bytes += chunk.length;
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
