import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { NatsClient } from '@adapter/nats/nats.client';
import { AppMetrics } from '@adapter/telemetry/app-metrics';
import { automationFigures, deadLetterCounts, valueWithin, viewFigures, type ConsumerFigures } from './consumer-figures';
import { WatchedConsumers } from './watched-consumers';

/** Longest wait for NATS during a scrape: a slow or absent server leaves the figures out instead of hanging `/metrics`. */
export const SCRAPE_NATS_TIMEOUT_MS = 2_000;

interface Sample {
  readonly consumers: readonly ConsumerFigures[];
  readonly deadLetters: ReadonlyMap<string, number> | undefined;
}

const CONSUMER_SERIES: readonly { name: string; help: string; value: (figures: ConsumerFigures) => number | undefined }[] = [
  { name: 'consumer_pending_messages', help: 'Messages not delivered yet to an automation, or not applied yet by a view.', value: (figures) => figures.pending },
  { name: 'consumer_ack_pending_messages', help: 'Messages delivered to an automation and not acknowledged yet.', value: (figures) => figures.ackPending },
  { name: 'consumer_redelivered_messages', help: 'Messages an automation has been given more than once and not acknowledged yet.', value: (figures) => figures.redelivered },
  {
    name: 'consumer_lag_messages',
    help: 'How far behind: an automation\'s unacknowledged messages; a view\'s stream sequences between what it applied and the last on its subjects.',
    value: (figures) => figures.lagMessages,
  },
  { name: 'consumer_lag_seconds', help: 'Age of the oldest message a consumer is not done with yet; 0 when caught up.', value: (figures) => figures.lagSeconds },
];

/**
 * Figures NATS holds, read when Prometheus scrapes: each automation's durable consumer and each
 * view's progress (label `consumer`: `automation-<name>`, `view-<name>`), the dead letters per
 * consumer, and whether NATS is connected. One scrape reads NATS once for all series, within
 * `SCRAPE_NATS_TIMEOUT_MS`.
 */
@Injectable()
export class ConsumerGauges implements OnModuleInit {
  private sampling: Promise<Sample | undefined> | undefined;

  constructor(
    @Inject(NatsClient) private readonly nats: NatsClient,
    @Inject(AppMetrics) private readonly metrics: AppMetrics,
    @Inject(WatchedConsumers) private readonly watched: WatchedConsumers,
  ) {}

  onModuleInit(): void {
    const registers = [this.metrics.registry];
    const sample = (): Promise<Sample | undefined> => this.sample();
    for (const { name, help, value } of CONSUMER_SERIES) {
      new Gauge({
        name,
        help,
        labelNames: ['consumer'],
        registers,
        async collect() {
          const figures = (await sample())?.consumers ?? [];
          this.reset();
          for (const consumer of figures) {
            const measured = value(consumer);
            if (measured !== undefined) this.set({ consumer: consumer.consumer }, measured);
          }
        },
      });
    }
    new Gauge({
      name: 'dead_letter_messages',
      help: 'Messages in the DEAD_LETTER stream, per consumer that gave up on them.',
      labelNames: ['consumer'],
      registers,
      async collect() {
        const counts = (await sample())?.deadLetters;
        this.reset();
        for (const [consumer, count] of counts ?? []) this.set({ consumer }, count);
      },
    });
    const nats = this.nats;
    new Gauge({
      name: 'nats_connected',
      help: '1 while the app is connected to NATS, 0 while it reconnects.',
      registers,
      collect() {
        this.set(nats.isConnected ? 1 : 0);
      },
    });
  }

  /** One reading of NATS, shared by the series of one scrape (their collections start together). */
  private sample(): Promise<Sample | undefined> {
    this.sampling ??= this.read().finally(() => (this.sampling = undefined));
    return this.sampling;
  }

  private async read(): Promise<Sample | undefined> {
    if (!this.nats.isConnected) return undefined;
    const now = Date.now();
    const within = <T>(work: Promise<T>) => valueWithin(work, SCRAPE_NATS_TIMEOUT_MS);
    const [views, automations, deadLetters] = await Promise.all([
      Promise.all(this.watched.views.map((view) => within(viewFigures(this.nats, view, now)))),
      Promise.all(this.watched.automations.map((automation) => within(automationFigures(this.nats, automation, now)))),
      within(deadLetterCounts(this.nats)),
    ]);
    const consumers = [...automations, ...views].filter((figures) => figures !== undefined);
    return { consumers, deadLetters };
  }
}
