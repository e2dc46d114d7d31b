/**
 * One process at a time for work that shares a folder: installing n8n into the cache (`npm run dev`
 * and the e2e setup may both find it missing), building and packing the package. `mkdir` is
 * atomic, so the folder is the lock; a lock left by a process that no longer runs is taken over.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { sleep } from './wait-for';

const OWNER_FILE = 'pid';
const POLL_MS = 1000;

export interface LockOptions {
	maxWaitMs: number;
	/** What the lock holder is doing, for the waiting message ("installing n8n"). */
	what: string;
	log: (line: string) => void;
}

export async function withFileLock<T>(
	lockDir: string,
	options: LockOptions,
	work: () => Promise<T>,
): Promise<T> {
	const waiting = new Waiting(lockDir, options);
	while (!tryAcquire(lockDir)) await sleep(waiting.next());
	try {
		return await work();
	} finally {
		release(lockDir);
	}
}

/** The same lock for synchronous callers: the wait blocks the thread (Atomics.wait), bounded too. */
export function withFileLockSync<T>(lockDir: string, options: LockOptions, work: () => T): T {
	const waiting = new Waiting(lockDir, options);
	const blocker = new Int32Array(new SharedArrayBuffer(4));
	while (!tryAcquire(lockDir)) Atomics.wait(blocker, 0, 0, waiting.next());
	try {
		return work();
	} finally {
		release(lockDir);
	}
}

/** Says once that it waits, and gives up after `maxWaitMs`. */
class Waiting {
	private readonly deadline: number;

	private told = false;

	constructor(
		private readonly lockDir: string,
		private readonly options: LockOptions,
	) {
		this.deadline = Date.now() + options.maxWaitMs;
	}

	/** Milliseconds to wait before the next try; throws once the deadline has passed. */
	next(): number {
		if (Date.now() >= this.deadline) {
			throw new Error(
				`Timed out waiting for ${this.lockDir} (another process is ${this.options.what})`,
			);
		}
		if (!this.told) {
			this.options.log(
				`Another process is ${this.options.what} (${this.lockDir}); waiting for it…`,
			);
			this.told = true;
		}
		return POLL_MS;
	}
}

function tryAcquire(lockDir: string): boolean {
	fs.mkdirSync(path.dirname(lockDir), { recursive: true });
	if (!makeDir(lockDir)) {
		if (ownerIsAlive(lockDir)) return false;
		// Left by a process that died: take it over (unless another waiter was quicker).
		fs.rmSync(lockDir, { recursive: true, force: true });
		if (!makeDir(lockDir)) return false;
	}
	fs.writeFileSync(path.join(lockDir, OWNER_FILE), String(process.pid));
	return true;
}

/** False when the folder exists already. */
function makeDir(dir: string): boolean {
	try {
		fs.mkdirSync(dir);
		return true;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
		throw error;
	}
}

function release(lockDir: string): void {
	fs.rmSync(lockDir, { recursive: true, force: true });
}

function ownerIsAlive(lockDir: string): boolean {
	let pid: number;
	try {
		pid = Number(fs.readFileSync(path.join(lockDir, OWNER_FILE), 'utf8'));
	} catch {
		// The owner made the folder but has not written its pid yet: treat it as alive.
		return true;
	}
	if (!Number.isInteger(pid) || pid <= 0) return false;
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}
