import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's utime and stime; 100 on every Linux we run on. */
const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat. */
export const cpuSeconds = (pid: number): number => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces and parentheses: fields are counted after its closing one.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return (utime + stime) / TICKS_PER_SECOND;
};

/** Resident memory of a process in MiB, from /proc/<pid>/status. */
export const rssMiB = (pid: number): number => {
  const line = /^VmRSS:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return line?.[1] ? Number(line[1]) / 1024 : Number.NaN;
};
