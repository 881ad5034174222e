/** "1 container", "2 containers": an English count with its noun (Korean counts need no plural). */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
