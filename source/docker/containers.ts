import type Docker from 'dockerode';
import { parseDockerTime } from '../format/age.js';
import { formatPorts } from '../format/ports.js';
import type { ContainerDetail, ContainerHealth, ContainerRunFacts, ContainerState, ContainerSummary } from '../model/types.js';

const STATES = new Set<ContainerState>(['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead']);

function toState(value: string | undefined): ContainerState {
	return STATES.has(value as ContainerState) ? (value as ContainerState) : 'dead';
}

/** Reads the exit code out of the engine's status text: "Exited (3) 2 hours ago" -> 3. */
export function exitCodeFromStatus(status: string): number | undefined {
	const match = /^Exited \((-?\d+)\)/.exec(status);
	return match ? Number(match[1]) : undefined;
}

/** The health the engine puts in a running container's status text: "Up 5 minutes (unhealthy)". */
export function healthFromStatus(status: string): ContainerHealth | undefined {
	const match = /\((healthy|unhealthy|health: starting)\)/.exec(status);
	if (!match) return undefined;
	return match[1] === 'health: starting' ? 'starting' : (match[1] as ContainerHealth);
}

/** The health a `health_status: X` event announces, or undefined for any other action. */
export function healthFromEvent(action: string): ContainerHealth | undefined {
	const match = /^health_status: (healthy|unhealthy|starting)/.exec(action);
	return match ? (match[1] as ContainerHealth) : undefined;
}

/** Maps one `GET /containers/json` entry. Exported for unit tests. */
export function toContainerSummary(c: Docker.ContainerInfo): ContainerSummary {
	const name = (c.Names?.[0] ?? c.Id.slice(0, 12)).replace(/^\//, '');
	const health = healthFromStatus(c.Status ?? '');
	return {
		id: c.Id,
		name,
		image: c.Image,
		imageId: c.ImageID,
		state: toState(c.State),
		status: c.Status ?? '',
		ports: formatPorts(c.Ports),
		created: (c.Created ?? 0) * 1000,
		command: c.Command ?? '',
		exitCode: exitCodeFromStatus(c.Status ?? ''),
		...(health ? { health } : {}),
	};
}

/**
 * All containers, running and stopped, like `docker ps -a` (newest first); cheap (no sizes). With
 * `ids`, only those (the engine matches each as a pattern on the full id): what events changed, in one request.
 */
export async function listContainers(docker: Docker, ids?: readonly string[]): Promise<ContainerSummary[]> {
	const list = await docker.listContainers({ all: true, ...(ids ? { filters: { id: [...ids] } } : {}) });
	return list.map(toContainerSummary);
}

/** One container's thin writable layer and the image below it, measured by the engine for that container alone. */
export async function containerSize(docker: Docker, id: string): Promise<{ sizeRw: number; sizeRootFs: number } | undefined> {
	const [row] = (await docker.listContainers({ all: true, size: true, filters: { id: [id] } })) as (Docker.ContainerInfo & {
		SizeRw?: number;
		SizeRootFs?: number;
	})[];
	return row ? { sizeRw: row.SizeRw ?? 0, sizeRootFs: row.SizeRootFs ?? 0 } : undefined;
}

function runFacts(info: Docker.ContainerInspectInfo): ContainerRunFacts {
	return {
		tty: Boolean(info.Config?.Tty),
		openStdin: Boolean(info.Config?.OpenStdin),
		attachStdout: Boolean(info.Config?.AttachStdout),
		startedAt: parseDockerTime(info.State?.StartedAt),
		finishedAt: parseDockerTime(info.State?.FinishedAt),
		exitCode: info.State?.ExitCode ?? 0,
		restartCount: info.RestartCount ?? 0,
	};
}

/** Cmd and Entrypoint come as a list, a single string (old engines) or null. */
function argvOf(value: unknown): readonly string[] | null {
	if (Array.isArray(value)) return value.map(String);
	return typeof value === 'string' && value ? [value] : null;
}

/** The full inspect of one container, for the detail pane and the mode badge. */
export async function inspectContainer(docker: Docker, id: string): Promise<ContainerDetail> {
	const info = await docker.getContainer(id).inspect();
	const config = info.Config;
	const bindings = info.HostConfig?.PortBindings as Record<string, { HostIp?: string; HostPort?: string }[] | null> | undefined;
	const exposed = Object.keys(config?.ExposedPorts ?? {});
	const ports = [...new Set([...exposed, ...Object.keys(bindings ?? {})])].sort().map(port => {
		const hosts = (bindings?.[port] ?? []).map(b => `${b.HostIp && b.HostIp !== '0.0.0.0' ? `${b.HostIp}:` : ''}${b.HostPort}`);
		return hosts.length ? `${hosts.join(', ')} -> ${port}` : `${port} (not published)`;
	});
	const policy = info.HostConfig?.RestartPolicy;
	const health = (info.State as { Health?: { Status?: string; FailingStreak?: number; Log?: { Output?: string }[] } } | undefined)?.Health;
	const status =
		health?.Status === 'healthy' || health?.Status === 'unhealthy' || health?.Status === 'starting' ? health.Status : undefined;
	return {
		...(status
			? { health: { status, failingStreak: health!.FailingStreak ?? 0, lastOutput: (health!.Log?.at(-1)?.Output ?? '').trim() } }
			: {}),
		...runFacts(info),
		id: info.Id,
		name: info.Name.replace(/^\//, ''),
		image: config?.Image ?? '',
		imageId: info.Image,
		state: toState(info.State?.Status),
		error: info.State?.Error ?? '',
		command: [info.Path, ...(info.Args ?? [])].filter(Boolean).join(' '),
		cmd: argvOf(config?.Cmd),
		entrypoint: argvOf(config?.Entrypoint),
		env: config?.Env ?? [],
		mounts: (info.Mounts ?? []).map(m => ({
			type: m.Type ?? 'bind',
			source: m.Name || m.Source,
			destination: m.Destination,
			readWrite: m.RW,
		})),
		ports,
		created: parseDockerTime(info.Created) ?? 0,
		workingDir: config?.WorkingDir ?? '',
		user: config?.User ?? '',
		restartPolicy: policy?.Name ? `${policy.Name}${policy.MaximumRetryCount ? `:${policy.MaximumRetryCount}` : ''}` : 'no',
	};
}
