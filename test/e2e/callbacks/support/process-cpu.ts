/** CPU time a process has used, all its threads (Linux `/proc/<pid>/stat`, utime + stime). */
import * as fs from 'node:fs';

const CLOCK_TICKS_PER_SECOND = 100;

export function processCpuMs(pid: number): number {
	const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
	// Fields 14 and 15 of stat(5); the command name in brackets may hold spaces, so count after it.
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
}
