/** The command path's counters of one slice, as the app serves them on `GET /metrics`. */
export interface CommandCounts {
  readonly handled: number;
  readonly retries: number;
  readonly reads: number;
  readonly eventsRead: number;
}

const SERIES: Record<keyof CommandCounts, string> = {
  handled: 'commands_handled_total',
  retries: 'command_retries_total',
  reads: 'command_reads_total',
  eventsRead: 'command_events_read_total',
};

/** Reads one slice's counters (e.g. `/hotel/book-room`) from the app; a slice not seen yet counts zero. */
export const commandCounts = async (baseUrl: string, slice: string): Promise<CommandCounts> => {
  const response = await fetch(`${baseUrl}/metrics`);
  if (!response.ok) throw new Error(`GET /metrics answered ${response.status}`);
  const lines = (await response.text()).split('\n');
  const value = (name: string): number => {
    const line = lines.find((candidate) => candidate.startsWith(`${name}{slice="${slice}"} `));
    return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
  };
  return {
    handled: value(SERIES.handled),
    retries: value(SERIES.retries),
    reads: value(SERIES.reads),
    eventsRead: value(SERIES.eventsRead),
  };
};

/** What happened between two readings. */
export const countsBetween = (before: CommandCounts, after: CommandCounts): CommandCounts => ({
  handled: after.handled - before.handled,
  retries: after.retries - before.retries,
  reads: after.reads - before.reads,
  eventsRead: after.eventsRead - before.eventsRead,
});
