/** The machine every result file describes, so figures can be compared with their context. */
import * as os from 'node:os';

export interface MachineDescription {
	cpuModel: string;
	cores: number;
	memGiB: number;
	platform: string;
	node: string;
	/** The n8n release measured (runs under its own Node 24), when a real n8n was involved. */
	n8nVersion?: string;
	n8nNode?: string;
}

export function describeMachine(
	extra: Pick<MachineDescription, 'n8nVersion' | 'n8nNode'> = {},
): MachineDescription {
	const cpus = os.cpus();
	return {
		cpuModel: cpus[0]?.model ?? 'unknown',
		cores: cpus.length,
		memGiB: Math.round(os.totalmem() / 2 ** 30),
		platform: `${os.type()} ${os.release()} ${os.arch()}`,
		node: process.version,
		...extra,
	};
}
