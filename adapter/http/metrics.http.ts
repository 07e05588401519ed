import { Controller, Get, Header } from '@nestjs/common';
import { commandCounters, type SliceCommandCounts } from '@adapter/event-store/command-counters';

interface Counter {
  readonly name: string;
  readonly help: string;
  readonly value: (counts: Readonly<SliceCommandCounts>) => number;
}

const COUNTERS: readonly Counter[] = [
  { name: 'commands_handled_total', help: 'Commands handled by a state-change slice, whatever their outcome.', value: (counts) => counts.handled },
  {
    name: 'command_retries_total',
    help: 'Decisions made again because JetStream refused an append: the entity had moved past the state decided on.',
    value: (counts) => counts.retried,
  },
  { name: 'command_reads_total', help: 'Reads of an entity to bring its state up to date.', value: (counts) => counts.reads },
  { name: 'command_events_read_total', help: 'Events read by those reads (only the entity\'s own subject, never the whole stream).', value: (counts) => counts.eventsRead },
];

/** The command path's counters in the Prometheus text format, one series per slice (`slice` is its CloudEvents source). */
export const prometheusText = (slices: readonly [string, Readonly<SliceCommandCounts>][]): string =>
  COUNTERS.map(({ name, help, value }) =>
    [`# HELP ${name} ${help}`, `# TYPE ${name} counter`, ...slices.map(([slice, counts]) => `${name}{slice="${slice}"} ${value(counts)}`)].join('\n'),
  ).join('\n') + '\n';

/** The process's memory, as gauges named like Node's usual Prometheus exporters name them. */
export const memoryText = (usage: NodeJS.MemoryUsage): string =>
  [
    ['process_resident_memory_bytes', 'Resident memory of the app process.', usage.rss],
    ['nodejs_heap_size_used_bytes', 'V8 heap in use by live and not yet collected objects.', usage.heapUsed],
    ['nodejs_heap_size_total_bytes', 'V8 heap reserved.', usage.heapTotal],
    ['nodejs_external_memory_bytes', 'Memory of C++ objects bound to JavaScript ones (buffers).', usage.external],
  ]
    .map(([name, help, value]) => `# HELP ${name} ${help}\n# TYPE ${name} gauge\n${name} ${value}`)
    .join('\n') + '\n';

@Controller()
export class MetricsHttp {
  /** Counters of the command path since the app started, and the process's memory, for Prometheus and the benches. */
  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  metrics(): string {
    return prometheusText(commandCounters.entries()) + memoryText(process.memoryUsage());
  }
}
