/** Every timer the simulator starts goes through here, so `stop()` can clear them all. */
export class TimerRegistry {
	private readonly handles = new Set<NodeJS.Timeout>();
	private stopped = false;

	setTimeout(fn: () => void, ms: number): NodeJS.Timeout | null {
		if (this.stopped) return null;
		const handle = setTimeout(() => {
			this.handles.delete(handle);
			fn();
		}, ms);
		this.handles.add(handle);
		return handle;
	}

	setInterval(fn: () => void, ms: number): NodeJS.Timeout | null {
		if (this.stopped) return null;
		const handle = setInterval(fn, ms);
		// A sweeper must not keep a test process alive on its own.
		handle.unref();
		this.handles.add(handle);
		return handle;
	}

	clear(handle: NodeJS.Timeout | null): void {
		if (!handle) return;
		clearTimeout(handle);
		this.handles.delete(handle);
	}

	/** Promise that resolves after `ms`, or never if the registry is stopped first (the caller is being torn down). */
	sleep(ms: number): Promise<void> {
		return new Promise((resolve) => {
			this.setTimeout(resolve, ms);
		});
	}

	get size(): number {
		return this.handles.size;
	}

	stopAll(): void {
		this.stopped = true;
		for (const handle of this.handles) clearTimeout(handle);
		this.handles.clear();
	}
}
