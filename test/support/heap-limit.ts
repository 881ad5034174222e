// The heap limit dockdeck's heap flags give: the old space plus V8's young generation (three
// semi-spaces: two for copying, one's worth for large young objects). V8's own limit would be
// several GB on the test machine.
import { HEAP_FLAGS } from '../../source/heap-flags.js';

const flag = (name: string) => Number(HEAP_FLAGS.find(f => f.startsWith(`--${name}=`))?.split('=')[1]);

/** Whether a heap limit (MB) is the one the flags set, within a few MB of rounding. */
export function heapLimitFromFlags(limitMb: number): boolean {
	const expected = flag('max-old-space-size') + 3 * flag('max-semi-space-size');
	return Math.abs(limitMb - expected) <= 8;
}
