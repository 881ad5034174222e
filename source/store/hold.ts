/** A read held back while someone holds it (start-up's first frame): let go by the last holder, it runs `onFree`. */
export class Hold {
	private count = 0;

	get held(): boolean {
		return this.count > 0;
	}

	/** Holds until the function returned is called (once; later calls do nothing). */
	take(onFree: () => void): () => void {
		this.count++;
		let released = false;
		return () => {
			if (released) return;
			released = true;
			if (--this.count === 0) onFree();
		};
	}
}
