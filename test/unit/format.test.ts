import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatAge, parseDockerTime } from '../../source/format/age.js';
import { formatBytes } from '../../source/format/bytes.js';
import { cleanInstruction, isMetadataInstruction } from '../../source/format/instruction.js';
import { formatPorts } from '../../source/format/ports.js';
import { displayWidth, fit, inert, truncate } from '../../source/format/text.js';
import { knownTextWidth, knownWidth } from '../../source/format/known-width.js';
import stringWidth from 'string-width';

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

test('known widths agree with string-width for every character they answer, alone and in company', () => {
	let answered = 0;
	for (let code = 0; code <= 0xffff; code++) {
		if (code >= 0xd800 && code <= 0xdfff) continue;
		const w = knownWidth(code);
		if (w < 0) continue;
		answered++;
		const ch = String.fromCharCode(code);
		assert.equal(w, stringWidth(ch), `U+${code.toString(16).toUpperCase()} ${ch}`);
		// beside text of each kind, and before what could join it: the full rules decide then
		assert.equal(knownTextWidth(`a${ch}─한`), stringWidth(`a${ch}─한`), `U+${code.toString(16)} in text`);
		assert.equal(knownTextWidth(`${ch}\u0301`), -1);
		assert.equal(knownTextWidth(`${ch}\ufe0f`), -1);
		assert.equal(knownTextWidth(`${ch}\u200d`), -1);
	}
	assert.ok(answered > 11_000, `${answered} characters answered`);
	for (const text of [
		'╭─ 1 Containers ─╮',
		'↑↓/jk move · Esc back',
		'컨테이너 12개 · 실행 중 6',
		'Up 5 minutes (healthy) ↻3',
		'✓ done ✗ failed …',
	])
		assert.equal(knownTextWidth(text), stringWidth(text), text);
	for (const text of ['👍', 'e\u0301', '🇰🇷', '1\ufe0f\u20e3', '中文', 'a\u00adb', 'x\u200by']) assert.equal(knownTextWidth(text), -1, text);
});
