/**
 * CPU time another process has used so far (user + system), read from /proc/<pid>/stat: how much
 * of the machine n8n spent on a run, next to how long the run took. Linux only; undefined elsewhere.
 */
import * as fs from 'node:fs';

/** USER_HZ: the kernel reports these fields in clock ticks of 1/100 s on Linux (`getconf CLK_TCK`). */
const TICKS_PER_SECOND = 100;

export function processCpuMs(pid: number): number | undefined {
	try {
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		// Fields after the command name (which may contain spaces) start after the last ')'.
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		const utime = Number(fields[11]);
		const stime = Number(fields[12]);
		return ((utime + stime) * 1000) / TICKS_PER_SECOND;
	} catch {
		return undefined;
	}
}
