/** Joins a credential's base URL and an API path with exactly one slash between them. */
export function joinUrl(base: string, path: string): string {
	return `${base.replace(/\/+$/, '')}${path.startsWith('/') ? path : `/${path}`}`;
}
