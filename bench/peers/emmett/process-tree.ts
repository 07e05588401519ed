import { readdirSync, readFileSync } from 'node:fs';
import { cpuSeconds } from '../../support/proc-usage';

interface ProcessEntry {
  readonly pid: number;
  readonly parent: number;
  readonly name: string;
}

const processes = (): ProcessEntry[] =>
  readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((entry) => {
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        return [{ pid: Number(entry), parent, name }];
      } catch {
        return [];
      }
    });

/** A process and all its descendants now (a database server's backends, for example). */
export const processTree = (root: number): number[] => {
  const all = processes();
  const tree = [root];
  for (let index = 0; index < tree.length; index++) {
    for (const entry of all) if (entry.parent === tree[index]) tree.push(entry.pid);
  }
  return tree;
};

/** CPU seconds used so far by a process tree; processes that end in between take their share along. */
export const treeCpuSeconds = (root: number): number =>
  processTree(root).reduce((sum, pid) => {
    try {
      return sum + cpuSeconds(pid);
    } catch {
      return sum;
    }
  }, 0);

/** The pid of this process's child with that command name (the nats-server a bench stack started). */
export const childNamed = (name: string): number | undefined =>
  processes().find((entry) => entry.parent === process.pid && entry.name === name)?.pid;
