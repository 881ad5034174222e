import type Docker from 'dockerode';

/** What `docker run` asks for, in dockdeck's terms. */
export interface RunSpec {
	/** An image reference, or an id for an untagged image. */
	readonly image: string;
	readonly name?: string;
	readonly env: readonly string[];
	readonly cmd: readonly string[] | null;
	readonly tty: boolean;
	readonly interactive: boolean;
	/** In the foreground (no -d): stdout and stderr go to the terminal, stdin too with -i. */
	readonly attach: boolean;
	/** -p mappings: container port ("80/tcp"), host address and host port. */
	readonly ports: readonly { readonly container: string; readonly ip: string; readonly host: string }[];
	readonly rm: boolean;
	readonly restart: string;
}

/** The create request for a run, as `docker run` sends it. Exported for tests. */
export function createOptions(spec: RunSpec): Docker.ContainerCreateOptions {
	const exposed: Record<string, object> = {};
	const bindings: Record<string, { HostIp: string; HostPort: string }[]> = {};
	for (const { container, ip, host } of spec.ports) {
		exposed[container] = {};
		(bindings[container] ??= []).push({ HostIp: ip, HostPort: host });
	}
	return {
		Image: spec.image,
		name: spec.name,
		Env: spec.env.length ? [...spec.env] : undefined,
		Cmd: spec.cmd ? [...spec.cmd] : undefined,
		Tty: spec.tty,
		OpenStdin: spec.interactive,
		// docker run -i in the foreground: stdin closes when the attached client's input ends
		StdinOnce: spec.interactive && spec.attach,
		AttachStdin: spec.interactive && spec.attach,
		AttachStdout: spec.attach,
		AttachStderr: spec.attach,
		ExposedPorts: spec.ports.length ? exposed : undefined,
		HostConfig: {
			PortBindings: spec.ports.length ? bindings : undefined,
			AutoRemove: spec.rm,
			RestartPolicy: { Name: spec.restart },
		},
	};
}

/** `docker create`: resolves with the new container's id. */
export async function createContainer(docker: Docker, spec: RunSpec): Promise<string> {
	return (await docker.createContainer(createOptions(spec))).id;
}

/** `docker start`. */
export async function startContainer(docker: Docker, id: string): Promise<void> {
	await docker.getContainer(id).start();
}

/**
 * Waits for the container's next exit (asked before it starts, so an exit a moment later is not
 * missed); resolves with its exit code, or null when the wait was stopped or failed.
 */
export async function nextExit(docker: Docker, id: string, signal: AbortSignal): Promise<number | null> {
	const wait = docker.getContainer(id).wait({ condition: 'next-exit', abortSignal: signal } as never) as unknown as Promise<{
		StatusCode?: number;
	}>;
	return wait.then(
		r => r.StatusCode ?? null,
		() => null,
	);
}
