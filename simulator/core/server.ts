/**
 * The HTTP server: plain node:http with keep-alive. Requests are routed by prefix to a
 * gateway, the control API (/sim) or the page (/). Every gateway request goes through:
 * count -> fault/rate-limit decision -> (resetBefore: destroy) -> read body -> latency (or hold) ->
 * 429/503 fault reply, or handler -> (resetAfter: destroy instead of answering).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SimContext } from './context';
import type { ControlApi } from './control';
import { controlRoutes, handleControl } from './control-routes';
import type { FaultInjector } from './faults';
import type { SimReply, SimRequest } from './http-io';
import { jsonReply } from './http-io';
import type { RateLimiter } from './rate-limit';
import { Router } from './router';
import type { Stats } from './stats';
import type { FaultKind, GatewayName } from './types';
import { GATEWAY_PATHS, GATEWAYS } from './types';
import type { GatewayModule } from '../gateways/gateway';

const MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface ServerDeps {
	ctx: SimContext;
	modules: Record<GatewayName, GatewayModule>;
	control: ControlApi;
	faults: FaultInjector;
	rateLimiter: RateLimiter;
	stats: Stats;
	page: () => SimReply;
}

interface Mounted {
	module: GatewayModule;
	router: Router;
}

export class SimServer {
	private readonly server: http.Server;
	private readonly mounted = new Map<string, Mounted>();
	private readonly control: ReturnType<typeof controlRoutes>;
	private requestSeq = 0;

	constructor(private readonly deps: ServerDeps) {
		for (const name of GATEWAYS) {
			const module = deps.modules[name];
			this.mounted.set(`/${GATEWAY_PATHS[name]}`, { module, router: new Router(module.routes) });
		}
		this.control = controlRoutes(deps.control);
		this.server = http.createServer({ keepAlive: true }, (req, res) => {
			this.handle(req, res).catch((error: Error) => {
				deps.ctx.log(`unexpected error: ${error.stack ?? error.message}`);
				if (!res.headersSent && !res.destroyed)
					this.write(res, jsonReply(500, { error: 'simulator error' }));
			});
		});
		this.server.keepAliveTimeout = 30000;
		this.server.headersTimeout = 35000;
	}

	listen(port: number, host: string): Promise<number> {
		return new Promise((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(port, host, () => {
				this.server.off('error', reject);
				resolve((this.server.address() as AddressInfo).port);
			});
		});
	}

	close(): Promise<void> {
		return new Promise((resolve) => {
			this.server.close(() => resolve());
			this.server.closeAllConnections();
		});
	}

	private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const requestId = ++this.requestSeq;
		const url = new URL(req.url ?? '/', 'http://simulator');
		const method = (req.method ?? 'GET').toUpperCase();
		const baseUrl = `http://${req.headers.host ?? 'localhost'}`;
		const segment = `/${url.pathname.split('/')[1] ?? ''}`;
		const mounted = this.mounted.get(segment);
		if (!mounted) {
			const body = await readBody(req);
			if (body === null) return this.write(res, jsonReply(413, { error: 'body too large' }));
			const simReq: SimRequest = {
				method,
				path: url.pathname,
				query: url.searchParams,
				headers: req.headers,
				body,
				requestId,
				baseUrl,
			};
			return this.write(res, await this.handleLocal(simReq));
		}
		await this.handleGateway(mounted, req, res, {
			method,
			url,
			requestId,
			baseUrl,
			prefix: segment,
		});
	}

	private async handleLocal(req: SimRequest): Promise<SimReply> {
		if (req.path === '/sim' || req.path.startsWith('/sim/')) {
			this.deps.stats.controlRequest();
			return handleControl(this.control, req);
		}
		if (req.method === 'GET' && (req.path === '/' || req.path === '/index.html'))
			return this.deps.page();
		return jsonReply(404, {
			error: `nothing at ${req.path}; gateways live under ${GATEWAYS.map((name) => `/${GATEWAY_PATHS[name]}`).join(', ')}`,
		});
	}

	private async handleGateway(
		{ module, router }: Mounted,
		req: http.IncomingMessage,
		res: http.ServerResponse,
		meta: { method: string; url: URL; requestId: number; baseUrl: string; prefix: string },
	): Promise<void> {
		const { ctx, faults, rateLimiter, stats } = this.deps;
		const inner = meta.url.pathname.slice(meta.prefix.length) || '/';
		const path = module.normalizePath ? module.normalizePath(inner) : inner;
		const match = router.match(meta.method, path);
		const endpoint =
			match.kind === 'found'
				? `${meta.method} ${match.route.pattern}`
				: `${meta.method} ${match.kind === 'wrongMethod' ? match.pattern : '(unmatched)'}`;
		const nth = stats.request(module.name, endpoint);

		let fault: FaultKind | null = faults.decide(ctx.config, module.name);
		let retryAfter = ctx.config.faults.retryAfterSeconds;
		if (fault) stats.fault(module.name, fault);
		if (!fault) {
			const rate = rateLimiter.check(module.name, ctx.config.rateLimit[module.name]);
			if (!rate.allowed) {
				fault = 'rateLimit';
				retryAfter = rate.retryAfterSeconds;
				stats.rateLimited(module.name);
			}
		}
		if (fault === 'resetBefore') {
			req.socket.destroy();
			return;
		}
		const body = await readBody(req);
		if (body === null) return this.write(res, module.internalError());
		const { fixedMs, jitterMs } = ctx.config.latency;
		const { hold } = ctx.config;
		const delay =
			hold && hold.gateway === module.name && nth >= hold.fromRequest
				? hold.ms
				: fixedMs + (jitterMs > 0 ? Math.floor(faults.jitter() * jitterMs) : 0);
		if (delay > 0) await ctx.timers.sleep(delay);
		if (fault === 'rateLimit' || fault === 'serverError')
			return this.write(res, module.faultReply(fault, retryAfter));

		const simReq: SimRequest = {
			method: meta.method,
			path,
			query: meta.url.searchParams,
			headers: req.headers,
			body,
			requestId: meta.requestId,
			baseUrl: meta.baseUrl,
		};
		let reply: SimReply;
		try {
			if (match.kind === 'found') reply = match.route.handler(simReq, match.params);
			else if (match.kind === 'wrongMethod') reply = module.methodNotAllowed(simReq);
			else reply = module.notFound(simReq);
		} catch (error) {
			ctx.log(`${module.name} handler failed: ${(error as Error).stack ?? String(error)}`);
			reply = module.internalError();
		}
		// The ambiguous case: processed and accepted, but the client never gets the answer.
		if (fault === 'resetAfter') {
			res.socket?.destroy();
			return;
		}
		this.write(res, reply);
	}

	private write(res: http.ServerResponse, reply: SimReply): void {
		if (res.destroyed) return;
		res.writeHead(reply.status, {
			...reply.headers,
			'Content-Length': String(Buffer.byteLength(reply.body)),
		});
		res.end(reply.body);
	}
}

function readBody(req: http.IncomingMessage): Promise<Buffer | null> {
	return new Promise((resolve) => {
		const chunks: Buffer[] = [];
		let size = 0;
		let tooLarge = false;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) tooLarge = true;
			else chunks.push(chunk);
		});
		req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks)));
		req.on('error', () => resolve(null));
		req.on('close', () => resolve(tooLarge ? null : Buffer.concat(chunks)));
	});
}
