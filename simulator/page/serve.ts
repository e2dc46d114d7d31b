/** Serves the self-contained page at `/` (HTML + inline JS, no build step). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SimReply } from '../core/http-io';
import { htmlReply } from '../core/http-io';

export function pageReply(): () => SimReply {
	const html = readFileSync(path.join(__dirname, 'page.html'), 'utf8');
	return () => htmlReply(200, html);
}
