import { T } from '../i18n/index.js';
const NOP = /^\/bin\/sh -c #\(nop\)\s+/;
const SHELL = /^\/bin\/sh -c\s+/;
const BUILDKIT_SUFFIX = /\s+# buildkit$/;

/** Dockerfile instructions that only change the image config, never its filesystem. */
export const METADATA_INSTRUCTIONS = [
	'ENV',
	'CMD',
	'LABEL',
	'EXPOSE',
	'ENTRYPOINT',
	'USER',
	'ARG',
	'SHELL',
	'STOPSIGNAL',
	'HEALTHCHECK',
	'VOLUME',
	'ONBUILD',
	'MAINTAINER',
] as const;
const METADATA = new RegExp(`^(${METADATA_INSTRUCTIONS.join('|')})\\b`);

/**
 * Turns a history entry's CreatedBy into the instruction a person wrote:
 * "/bin/sh -c #(nop)  ENV A=1" -> "ENV A=1", "/bin/sh -c echo x" -> "RUN echo x",
 * "RUN /bin/sh -c make # buildkit" -> "RUN make". An empty CreatedBy falls back to the comment.
 */
export function cleanInstruction(createdBy: string, comment = ''): string {
	let text = createdBy.trim().replace(BUILDKIT_SUFFIX, '');
	if (!text) return comment.trim() || T.misc.streams.noInstruction;
	if (NOP.test(text)) return text.replace(NOP, '').replace(/\s+/g, ' ');
	if (/^RUN \/bin\/sh -c /.test(text)) return 'RUN ' + text.slice('RUN /bin/sh -c '.length);
	if (SHELL.test(text)) return 'RUN ' + text.replace(SHELL, '');
	if (/^\|\d+ /.test(text)) return 'RUN ' + text.replace(/^\|\d+ (\S+=\S*\s+)*/, '').replace(SHELL, '');
	return text;
}

/** True when the cleaned instruction can only have changed image metadata. */
export function isMetadataInstruction(instruction: string): boolean {
	return METADATA.test(instruction);
}
