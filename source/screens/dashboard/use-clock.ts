import { useEffect, useState } from 'react';

/** The current time, updated at each whole minute: ages and uptimes stay true with no API calls. */
export function useMinuteClock(): number {
	const [now, setNow] = useState(() => Date.now());
	useEffect(() => {
		const timer = setTimeout(() => setNow(Date.now()), 60_000 - (now % 60_000) + 50);
		timer.unref();
		return () => clearTimeout(timer);
	}, [now]);
	return now;
}
