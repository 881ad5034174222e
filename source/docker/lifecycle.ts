import type Docker from 'dockerode';

/** A change of a container's run state, as the docker CLI names it. */
export type LifecycleVerb = 'start' | 'stop' | 'restart' | 'pause' | 'unpause' | 'kill';

/** Sends one lifecycle request: `docker start|stop|restart|pause|unpause|kill`. */
export async function changeState(docker: Docker, id: string, verb: LifecycleVerb): Promise<void> {
	const container = docker.getContainer(id);
	switch (verb) {
		case 'start':
			await container.start();
			return;
		case 'stop':
			await container.stop();
			return;
		case 'restart':
			await container.restart();
			return;
		case 'pause':
			await container.pause();
			return;
		case 'unpause':
			await container.unpause();
			return;
		case 'kill':
			await container.kill();
			return;
	}
}

/** `docker rm [-f] [-v]`. */
export async function removeContainer(docker: Docker, id: string, options: { force: boolean; volumes: boolean }): Promise<void> {
	await docker.getContainer(id).remove({ force: options.force, v: options.volumes });
}
