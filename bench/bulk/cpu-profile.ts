/**
 * Reads a V8 `.cpuprofile` (what `node --cpu-prof` writes) and sums where the time went inside a
 * time window: self time and total (inclusive) time per function, and self time per package.
 * The window is on the system's monotonic clock (`process.hrtime` in any process on the same
 * machine and V8's profile timestamps both read CLOCK_MONOTONIC on Linux, in microseconds), so a
 * bench can profile a whole n8n process and keep only the samples of the run it measured.
 */
import * as fs from 'node:fs';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	children?: number[];
}

interface CpuProfile {
	nodes: ProfileNode[];
	startTime: number;
	endTime: number;
	samples: number[];
	timeDeltas: number[];
}

export interface ProfileEntry {
	name: string;
	ms: number;
	/** Share of the window's sampled time, 0..1. */
	share: number;
}

export interface ProfileSummary {
	windowMs: number;
	sampledMs: number;
	/** Time the process was idle (`(idle)`) in the window. */
	idleMs: number;
	selfByFunction: ProfileEntry[];
	totalByFunction: ProfileEntry[];
	selfByPackage: ProfileEntry[];
}

/** Window bounds in microseconds of the monotonic clock (`process.hrtime.bigint() / 1000n`). */
export interface ProfileWindow {
	fromUs: number;
	toUs: number;
}

export function summariseProfile(file: string, window: ProfileWindow, top = 25): ProfileSummary {
	const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
	const byId = new Map<number, ProfileNode>();
	const parent = new Map<number, number>();
	for (const node of profile.nodes) {
		byId.set(node.id, node);
		for (const child of node.children ?? []) parent.set(child, node.id);
	}
	const self = new Map<string, number>();
	const total = new Map<string, number>();
	const perPackage = new Map<string, number>();
	let sampled = 0;
	let idle = 0;
	let time = profile.startTime;
	for (let i = 0; i < profile.samples.length; i++) {
		time += profile.timeDeltas[i];
		if (time < window.fromUs || time > window.toUs) continue;
		const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
		const leaf = byId.get(profile.samples[i]);
		if (!leaf) continue;
		if (leaf.callFrame.functionName === '(idle)') {
			idle += dt;
			continue;
		}
		sampled += dt;
		add(self, frameName(leaf), dt);
		add(perPackage, packageOf(leaf), dt);
		const seen = new Set<string>();
		// Bounded: a parent chain is at most as long as the profile's node list.
		for (
			let id: number | undefined = leaf.id, depth = 0;
			id !== undefined && depth < profile.nodes.length;
			depth++
		) {
			const node = byId.get(id)!;
			const name = frameName(node);
			if (!seen.has(name)) {
				seen.add(name);
				add(total, name, dt);
			}
			id = parent.get(id);
		}
	}
	const entries = (map: Map<string, number>) =>
		[...map.entries()]
			.sort((a, b) => b[1] - a[1])
			.slice(0, top)
			.map(([name, ms]) => ({
				name,
				ms: round(ms),
				share: sampled > 0 ? Math.round((ms / sampled) * 1000) / 1000 : 0,
			}));
	return {
		windowMs: round((window.toUs - window.fromUs) / 1000),
		sampledMs: round(sampled),
		idleMs: round(idle),
		selfByFunction: entries(self),
		totalByFunction: entries(total).filter((e) => !e.name.startsWith('(root)')),
		selfByPackage: entries(perPackage),
	};
}

function add(map: Map<string, number>, key: string, value: number): void {
	map.set(key, (map.get(key) ?? 0) + value);
}

function frameName(node: ProfileNode): string {
	const { functionName, url, lineNumber } = node.callFrame;
	if (!url) return functionName || '(anonymous)';
	return `${functionName || '(anonymous)'} ${shortUrl(url)}:${lineNumber + 1}`;
}

/** The path from the innermost package on, e.g. `n8n-core/dist/…/authentication.js`. */
function shortUrl(url: string): string {
	const index = url.lastIndexOf('node_modules/');
	return index === -1 ? url.replace(/^file:\/\//, '') : url.slice(index + 'node_modules/'.length);
}

function packageOf(node: ProfileNode): string {
	const { functionName, url } = node.callFrame;
	if (!url) return functionName.startsWith('(') ? functionName : '(native)';
	if (url.startsWith('node:')) return 'node: (Node.js internals)';
	const index = url.lastIndexOf('node_modules/');
	if (index === -1) return 'other';
	const rest = url.slice(index + 'node_modules/'.length).split('/');
	return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
}

function round(value: number): number {
	return Math.round(value * 10) / 10;
}
