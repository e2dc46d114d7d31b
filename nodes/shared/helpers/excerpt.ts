/**
 * A short excerpt of an unexpected reply body, for error messages: bounded, so a huge or hostile
 * body cannot flood an error, and only ever of a reply (never of the request, which holds secrets).
 */
export function excerpt(body: unknown, max = 200): string {
	const text = typeof body === 'string' ? body : JSON.stringify(body ?? '');
	return text.length > max ? `${text.slice(0, max)}…` : text;
}
