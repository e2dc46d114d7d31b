/** Command-line flags of the bench scripts: `--name value` pairs and bare `--flag`s. */

export function numberArg(name: string, fallback: number, argv: string[] = process.argv): number {
	const index = argv.indexOf(`--${name}`);
	if (index === -1) return fallback;
	const value = Number(argv[index + 1]);
	if (!Number.isFinite(value) || value < 0)
		throw new Error(`--${name} must be a non-negative number`);
	return value;
}

export function stringArg(name: string, argv: string[] = process.argv): string | undefined {
	const index = argv.indexOf(`--${name}`);
	return index === -1 ? undefined : argv[index + 1];
}

/** `--gateways smsBox,dhis2` → ['smsBox', 'dhis2']; the fallback when absent. */
export function listArg<T extends string>(
	name: string,
	fallback: readonly T[],
	argv: string[] = process.argv,
): T[] {
	const raw = stringArg(name, argv);
	if (raw === undefined) return [...fallback];
	const wanted = raw
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);
	const unknown = wanted.filter((w) => !fallback.includes(w as T));
	if (unknown.length > 0)
		throw new Error(`--${name}: unknown ${unknown.join(', ')} (known: ${fallback.join(', ')})`);
	return wanted as T[];
}

export function flagArg(name: string, argv: string[] = process.argv): boolean {
	return argv.includes(`--${name}`);
}
