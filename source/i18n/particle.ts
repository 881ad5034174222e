/** Korean particles whose form depends on the word before them: 은/는, 을/를, 이/가, 과/와, 으로/로. */
export type Particle = '은' | '는' | '을' | '를' | '이' | '가' | '과' | '와' | '으로' | '로';

const PAIRS: Record<Particle, readonly [withFinal: string, withoutFinal: string]> = {
	은: ['은', '는'],
	는: ['은', '는'],
	을: ['을', '를'],
	를: ['을', '를'],
	이: ['이', '가'],
	가: ['이', '가'],
	과: ['과', '와'],
	와: ['과', '와'],
	으로: ['으로', '로'],
	로: ['으로', '로'],
};

/**
 * Whether a word, read aloud in Korean, ends in a consonant (and whether that is ㄹ): Hangul by its
 * last syllable; digits and Latin letters as Koreans read them (일, 삼, 엘, 엠, 엔, 알 end in one).
 */
function ending(word: string): { final: boolean; rieul: boolean } {
	const last = word.trimEnd().slice(-1).toLowerCase();
	const code = last.charCodeAt(0);
	if (code >= 0xac00 && code <= 0xd7a3) {
		const final = (code - 0xac00) % 28;
		return { final: final !== 0, rieul: final === 8 };
	}
	if (/[0-9]/.test(last)) return { final: '013678'.includes(last), rieul: '178'.includes(last) };
	if (/[a-z]/.test(last)) return { final: 'lmnr'.includes(last), rieul: 'lr'.includes(last) };
	return { final: false, rieul: false };
}

/** The form of `particle` that follows `word`. */
export function particle(word: string | number | undefined, which: Particle): string {
	const { final, rieul } = ending(String(word ?? ''));
	const [withFinal, withoutFinal] = PAIRS[which];
	if (which === '으로' || which === '로') return final && !rieul ? withFinal : withoutFinal;
	return final ? withFinal : withoutFinal;
}

/** The word with its particle attached: josa('web', '은') is "web는", josa(3, '로') "3으로", josa('서울', '를') "서울을". */
export function josa(word: string | number | undefined, which: Particle): string {
	return `${word ?? ''}${particle(word, which)}`;
}
