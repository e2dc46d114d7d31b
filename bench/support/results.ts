/** Result files: `bench/results/<name>.json`, read back by the chart and README steps. */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const RESULTS_DIR = path.join(__dirname, '..', 'results');

export function resultPath(name: string): string {
	return path.join(RESULTS_DIR, `${name}.json`);
}

export function writeResult(name: string, result: unknown): string {
	fs.mkdirSync(RESULTS_DIR, { recursive: true });
	const file = resultPath(name);
	fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
	return file;
}

export function readResult<T>(name: string): T | undefined {
	const file = resultPath(name);
	return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as T) : undefined;
}
