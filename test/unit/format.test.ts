import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatAge, parseDockerTime } from '../../source/format/age.js';
import { formatBytes } from '../../source/format/bytes.js';
import { cleanInstruction, isMetadataInstruction } from '../../source/format/instruction.js';
import { formatPorts } from '../../source/format/ports.js';
import { displayWidth, fit, inert, truncate } from '../../source/format/text.js';

test('bytes are shown like the docker CLI', () => {
	assert.equal(formatBytes(0), '0B');
	assert.equal(formatBytes(6), '6B');
	assert.equal(formatBytes(1982433), '1.98MB');
	assert.equal(formatBytes(123_456_789), '123MB');
	assert.equal(formatBytes(1_500_000_000), '1.5GB');
	assert.equal(formatBytes(-1), '-');
});

test('ages are compact and never negative', () => {
	const now = Date.parse('2026-11-23T12:00:00Z');
	assert.equal(formatAge(now - 30_000, now), '<1m');
	assert.equal(formatAge(now - 5 * 60_000, now), '5m');
	assert.equal(formatAge(now - 3 * 3600_000, now), '3h');
	assert.equal(formatAge(now - 3 * 86400_000, now), '3d');
	assert.equal(formatAge(now - 30 * 86400_000, now), '4w');
	assert.equal(formatAge(now + 60_000, now), '<1m');
	assert.equal(parseDockerTime('0001-01-01T00:00:00Z'), undefined);
	assert.equal(parseDockerTime('nonsense'), undefined);
});

test('history instructions lose the /bin/sh -c #(nop) noise', () => {
	assert.equal(cleanInstruction('/bin/sh -c #(nop)  ENV GREETING=hello'), 'ENV GREETING=hello');
	assert.equal(cleanInstruction('/bin/sh -c #(nop) WORKDIR /app'), 'WORKDIR /app');
	assert.equal(cleanInstruction('/bin/sh -c echo built > /app/built.txt'), 'RUN echo built > /app/built.txt');
	assert.equal(cleanInstruction('RUN /bin/sh -c make install # buildkit'), 'RUN make install');
	assert.equal(cleanInstruction('|1 VERSION=2 /bin/sh -c make'), 'RUN make');
	assert.equal(cleanInstruction('', 'Imported from -'), 'Imported from -');
	assert.equal(cleanInstruction(''), '(no instruction recorded)');
	assert.ok(isMetadataInstruction('CMD ["sh"]'));
	assert.ok(!isMetadataInstruction('WORKDIR /app'), 'WORKDIR can add a layer, so it is never metadata-only');
	assert.ok(!isMetadataInstruction('RUN env'));
});

test('ports are compact and deduplicated across IPv4 and IPv6', () => {
	assert.equal(
		formatPorts([
			{ IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
			{ IP: '::', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
			{ PrivatePort: 443, Type: 'tcp' },
			{ IP: '127.0.0.1', PrivatePort: 53, PublicPort: 5353, Type: 'udp' },
		]),
		'127.0.0.1:5353->53/udp, 8080->80/tcp, 443/tcp',
	);
	assert.equal(formatPorts(undefined), '');
});

test('text is cut by display width and escape sequences are made inert', () => {
	assert.equal(displayWidth('컨테이너'), 8);
	assert.equal(truncate('컨테이너 이미지', 7), '컨테이…');
	assert.equal(displayWidth(fit('컨테이너 이미지', 7)), 7);
	assert.equal(fit('abc', 5), 'abc  ');
	assert.equal(fit('abc', 5, 'right'), '  abc');
	assert.equal(fit('abcdef', 4), 'abc…');
	assert.equal(inert('\u001b[31mred\u001b[0m'), '␛[31mred␛[0m');
	assert.ok(!fit('\u001b]0;pwned\u0007x', 20).includes('\u001b'));
	assert.equal(displayWidth(fit('🐳 whale', 6)), 6);
});
