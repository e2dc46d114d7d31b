/**
 * Counts what n8n wrote to its log while one run was going on: lines that show n8n struggling
 * (its SQLite write lock timing out, "Database is not ready" answers), so a report can say why a
 * run failed with n8n's own words rather than a guess.
 */
import * as fs from 'node:fs';

export interface LogEvidence {
	sqliteLockTimeouts: number;
	databaseNotReady: number;
	webhookErrors: number;
}

const PATTERNS: Record<keyof LogEvidence, RegExp> = {
	sqliteLockTimeouts: /Timeout waiting for lock SqliteWriteConnectionMutex/g,
	databaseNotReady: /503 Database is not ready/g,
	webhookErrors: /Error in handling webhook request/g,
};

/** Marks the log's current end; `read()` counts the patterns in what was written since. */
export function markLog(file: string): { read(): LogEvidence } {
	const start = fs.existsSync(file) ? fs.statSync(file).size : 0;
	return {
		read(): LogEvidence {
			const evidence: LogEvidence = {
				sqliteLockTimeouts: 0,
				databaseNotReady: 0,
				webhookErrors: 0,
			};
			if (!fs.existsSync(file)) return evidence;
			const end = fs.statSync(file).size;
			if (end <= start) return evidence;
			const buffer = Buffer.alloc(end - start);
			const fd = fs.openSync(file, 'r');
			try {
				fs.readSync(fd, buffer, 0, buffer.length, start);
			} finally {
				fs.closeSync(fd);
			}
			const text = buffer.toString('utf8');
			for (const key of Object.keys(PATTERNS) as Array<keyof LogEvidence>) {
				evidence[key] = text.match(PATTERNS[key])?.length ?? 0;
			}
			return evidence;
		},
	};
}
