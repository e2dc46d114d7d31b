/** Minimal method + path-pattern router (`/sms/v1/message/:appid`), no framework on the hot path. */
import type { SimReply, SimRequest } from './http-io';

export type Handler = (req: SimRequest, params: Record<string, string>) => SimReply;

export interface Route {
	method: string;
	pattern: string;
	handler: Handler;
}

interface CompiledRoute extends Route {
	regex: RegExp;
	names: string[];
}

export type RouteMatch =
	| { kind: 'found'; route: Route; params: Record<string, string> }
	| { kind: 'wrongMethod'; pattern: string }
	| { kind: 'none' };

export class Router {
	private readonly compiled: CompiledRoute[];

	constructor(routes: Route[]) {
		this.compiled = routes.map((route) => {
			const names: string[] = [];
			const source = route.pattern
				.split('/')
				.map((segment) => {
					if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
					names.push(segment.slice(1));
					return '([^/]+)';
				})
				.join('/');
			// A trailing slash is tolerated, as the Java and PHP servers behind these APIs do.
			return { ...route, names, regex: new RegExp(`^${source}/?$`) };
		});
	}

	match(method: string, path: string): RouteMatch {
		let wrongMethod: string | null = null;
		for (const route of this.compiled) {
			const found = route.regex.exec(path);
			if (!found) continue;
			if (route.method !== method) {
				wrongMethod ??= route.pattern;
				continue;
			}
			const params: Record<string, string> = {};
			route.names.forEach((name, i) => {
				params[name] = safeDecode(found[i + 1]);
			});
			return { kind: 'found', route, params };
		}
		return wrongMethod ? { kind: 'wrongMethod', pattern: wrongMethod } : { kind: 'none' };
	}
}

function safeDecode(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}
