import type Docker from 'dockerode';

/** A change of a container's run state, as the docker CLI names it. */
export type LifecycleVerb = 'start' | 'stop' | 'restart' | 'pause' | 'unpause' | 'kill';

const CALLS: Record<LifecycleVerb, (container: Docker.Container) => Promise<unknown>> = {
	start: c => c.start(),
	stop: c => c.stop(),
	restart: c => c.restart(),
	pause: c => c.pause(),
	unpause: c => c.unpause(),
	kill: c => c.kill(),
};

/** Sends one lifecycle request: `docker start|stop|restart|pause|unpause|kill`. */
export async function changeState(docker: Docker, id: string, verb: LifecycleVerb): Promise<void> {
	await CALLS[verb](docker.getContainer(id));
}

/** `docker rm [-f] [-v]`. */
export async function removeContainer(docker: Docker, id: string, options: { force: boolean; volumes: boolean }): Promise<void> {
	await docker.getContainer(id).remove({ force: options.force, v: options.volumes });
}
