/**
 * The floor of the benchmark goals (bench/README.md#goals-at-a-glance): what an ideal client needs for the network alone,
 *   floor = ceil(minimum requests / concurrency) × latency.
 * It counts no CPU time at all, so a ratio above 1 measures everything else (n8n's per-item
 * parameter resolution, building and parsing requests, saving the execution).
 */
import { recipientsPerRequest, type BenchGateway, type SendMode } from './gateways';

export function minimumRequests(gateway: BenchGateway, mode: SendMode, recipients: number): number {
	return Math.ceil(recipients / recipientsPerRequest(gateway, mode));
}

export function floorMs(minRequests: number, concurrency: number, latencyMs: number): number {
	return Math.ceil(minRequests / concurrency) * latencyMs;
}

export function ratio(value: number, reference: number): number {
	return reference > 0 ? Number((value / reference).toFixed(2)) : Number.NaN;
}
