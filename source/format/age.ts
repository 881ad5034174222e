import { T } from '../i18n/index.js';
/** Compact age of a past moment, e.g. "45s", "12m", "3h", "5d", "7w", "2y". `now` and `then` are ms since epoch. */
export function formatAge(then: number, now: number): string {
	const seconds = Math.max(0, Math.floor((now - then) / 1000));
	const a = T.age;
	if (seconds < 60) return a.lessThanMinute;
	const minutes = Math.floor(seconds / 60);
	if (minutes < 60) return a.minutes(minutes);
	const hours = Math.floor(minutes / 60);
	if (hours < 48) return a.hours(hours);
	const days = Math.floor(hours / 24);
	if (days < 14) return a.days(days);
	if (days < 730) return a.weeks(Math.floor(days / 7));
	return a.years(Math.floor(days / 365));
}

/** Parses Docker's RFC 3339 timestamps; the zero time "0001-01-01T00:00:00Z" and bad input give undefined. */
export function parseDockerTime(value: string | undefined): number | undefined {
	if (!value || value.startsWith('0001-')) return undefined;
	const ms = Date.parse(value);
	return Number.isNaN(ms) ? undefined : ms;
}

/** A local date and time, "2026-11-23 10:21:38", for detail views where an exact moment matters. */
export function formatDateTime(ms: number | undefined): string {
	if (ms === undefined) return '-';
	const d = new Date(ms);
	const p = (n: number) => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}
