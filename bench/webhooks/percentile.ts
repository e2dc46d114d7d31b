/** Nearest-rank percentile of an ascending array (p in 0..100); NaN when empty. */
export function percentile(sortedAscending: readonly number[], p: number): number {
	if (sortedAscending.length === 0) return Number.NaN;
	const rank = Math.ceil((p / 100) * sortedAscending.length);
	return sortedAscending[Math.min(sortedAscending.length, Math.max(1, rank)) - 1];
}
