import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { CommandCounters, type SliceCommandCounts } from '@libs/command/command-counters';

/** Where a command came from. */
export type CommandTrigger = 'http' | 'nats' | 'automation' | 'timer' | 'effect' | 'process';

/** How a command ended, for operators: named by what the client was answered. */
export type CommandOutcome = 'ok' | 'invalid' | 'unauthorized' | 'refused' | 'rate-limited' | 'unavailable' | 'rejected' | 'failed';

/** The outcome a reply's status stands for. */
export const outcomeOf = (status: number): CommandOutcome => {
  if (status < 400) return 'ok';
  if (status === 400 || status === 413) return 'invalid';
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 409) return 'refused';
  if (status === 429) return 'rate-limited';
  if (status === 503 || status === 504) return 'unavailable';
  return status < 500 ? 'rejected' : 'failed';
};

const SLICE_COUNTERS: readonly { name: string; help: string; value: (counts: Readonly<SliceCommandCounts>) => number }[] = [
  { name: 'commands_handled_total', help: 'Commands decided by a state-change slice (label slice: its CloudEvents source), whatever their outcome.', value: (counts) => counts.handled },
  {
    name: 'command_retries_total',
    help: 'Decisions made again because JetStream refused an append: the entity had moved past the state decided on.',
    value: (counts) => counts.retried,
  },
  { name: 'command_reads_total', help: 'Reads of an entity to bring its state up to date.', value: (counts) => counts.reads },
  { name: 'command_events_read_total', help: 'Events read by those reads (only the entity\'s own subject, never the whole stream).', value: (counts) => counts.eventsRead },
];

/**
 * The app's metrics, in a registry of its own (not prom-client's global one, so several apps in one
 * process keep theirs apart), with prom-client's default process and Node.js metrics. What happens on
 * the command path is counted as it happens, at the cost of an increment; what NATS knows (consumers,
 * dead letters) is read when Prometheus scrapes (see `ConsumerGauges`).
 */
export class AppMetrics {
  readonly registry = new Registry();
  readonly commands = new CommandCounters();
  /** Websocket clients of `/live` connected right now. */
  readonly liveClients: Gauge;
  private readonly durations: Histogram<'command' | 'trigger' | 'outcome'>;
  private readonly published: Counter<'stream' | 'type'>;
  private readonly lateness: Histogram<'slice'>;

  constructor() {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    const commands = this.commands;
    for (const { name, help, value } of SLICE_COUNTERS) {
      new Counter({
        name,
        help,
        labelNames: ['slice'],
        registers,
        collect() {
          this.reset();
          for (const [slice, counts] of commands.entries()) this.inc({ slice }, value(counts));
        },
      });
    }
    this.durations = new Histogram({
      name: 'command_duration_seconds',
      help: 'Time from receiving a command to answering it, by command (the HTTP path\'s and NATS subject\'s last token, or the automation), trigger and outcome; its _count counts commands.',
      labelNames: ['command', 'trigger', 'outcome'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20],
      registers,
    });
    this.published = new Counter({ name: 'events_published_total', help: 'Events this app stored, by stream and event type.', labelNames: ['stream', 'type'], registers });
    this.liveClients = new Gauge({ name: 'live_clients', help: 'Websocket clients of /live connected right now.', registers });
    this.lateness = new Histogram({
      name: 'timer_lateness_seconds',
      help: 'How late each timer fired after its due time, by slice; its _count counts timers fired.',
      labelNames: ['slice'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 60],
      registers,
    });
  }

  commandAnswered(command: string, trigger: CommandTrigger, outcome: CommandOutcome, seconds: number): void {
    this.durations.observe({ command, trigger, outcome }, seconds);
  }

  timerFired(slice: string, latenessMs: number): void {
    this.lateness.observe({ slice }, Math.max(0, latenessMs) / 1_000);
  }

  eventsPublished(stream: string, types: readonly string[]): void {
    for (const type of types) this.published.inc({ stream, type });
  }

  /** Everything, in the Prometheus text format. */
  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
