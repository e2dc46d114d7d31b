/**
 * Result files: `bench/results/<name>.json`, read back by the chart and README steps. A run with
 * `--out-dir` (a smoke run) writes and reads them in that folder instead.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const RESULTS_DIR = path.join(__dirname, '..', 'results');

export function resultPath(name: string, dir = RESULTS_DIR): string {
	return path.join(dir, `${name}.json`);
}

export function writeResult(name: string, result: unknown, dir = RESULTS_DIR): string {
	fs.mkdirSync(dir, { recursive: true });
	const file = resultPath(name, dir);
	fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
	return file;
}

export function readResult<T>(name: string, dir = RESULTS_DIR): T | undefined {
	const file = resultPath(name, dir);
	return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as T) : undefined;
}
