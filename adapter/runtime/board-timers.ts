import type { SliceHandlers } from '@libs/command/slice-handlers';
import { effectsOf, timersOf, type Board, type EffectSlice, type IntegerSetting, type Setting, type TextSetting } from '@libs/event-model/board';
import { OUTBOX_CHANNELS } from '@stream/outbox.stream';
import type { BoardSettings } from '@adapter/config/board-settings';
import type { DurableConsumer } from '@adapter/consumer/durable-consumer';
import { AddressPolicy } from '@adapter/effects/address-policy';
import type { EffectSender } from '@adapter/effects/effect-sender';
import { HttpCallbackSender } from '@adapter/effects/http-callback.sender';
import type { NatsClient } from '@adapter/nats/nats.client';
import type { AppMetrics } from '@adapter/telemetry/app-metrics';
import type { CommandTelemetry } from '@adapter/telemetry/command-telemetry';
import { TimerScheduler, type DueTimer } from '@adapter/timers/timer-scheduler';
import { TimerStore } from '@adapter/timers/timer-store';
import type { EffectChannels } from './effect-channels';
import { EffectRunner } from './effect.runner';
import { TimerSliceRunner } from './timer-slice.runner';

export interface BoardTimersOptions {
  readonly replicas: number;
  readonly handlers: SliceHandlers;
  readonly settings: BoardSettings;
  readonly telemetry: CommandTelemetry;
  readonly metrics: AppMetrics;
  /** The senders of the `email`, `slack` and `sms` channels. */
  readonly channels: EffectChannels;
}

/**
 * Every timer slice and effect slice of the app's boards at run time, with what they share: the timer store
 * (TIMERS stream and registry) and the scheduler that fires due timers, each to its slice: a timer slice's
 * command, or an effect's next attempt.
 */
export class BoardTimers {
  readonly store: TimerStore;
  readonly scheduler: TimerScheduler;
  readonly timers: readonly TimerSliceRunner[];
  readonly effects: readonly EffectRunner[];
  private readonly bySlice: ReadonlyMap<string, { fire(timer: DueTimer): Promise<void> }>;

  constructor(boards: readonly Board[], nats: NatsClient, options: BoardTimersOptions) {
    const { handlers, settings, telemetry, metrics } = options;
    this.store = new TimerStore(nats, options.replicas);
    this.timers = timersOf(boards).map((slice) => new TimerSliceRunner(nats, slice, handlers.handler(slice), this.store, telemetry));
    this.effects = effectsOf(boards).map(
      (slice) =>
        new EffectRunner(nats, slice, handlers.handler(slice), effectSender(slice, settings, options.channels), this.store, {
          attempts: settings.integer(slice.retry.attempts),
          backoffMs: settings.integer(slice.retry.backoffMs),
        }, telemetry),
    );
    this.bySlice = new Map<string, { fire(timer: DueTimer): Promise<void> }>([...this.timers, ...this.effects].map((runner) => [runner.slice.name, runner]));
    this.scheduler = new TimerScheduler(nats, this.store, (timer) => this.fire(timer), { fired: (slice, latenessMs) => metrics.timerFired(slice, latenessMs) });
  }

  /** Whether any board keeps time: only then are the TIMERS stream, its registry and the scheduler needed. */
  get needed(): boolean {
    return this.bySlice.size > 0;
  }

  /** The durable consumers of the timer and effect slices, for readiness and metrics. */
  get consumers(): readonly DurableConsumer<never>[] {
    return [...this.timers, ...this.effects].map(({ consumer }) => consumer as DurableConsumer<never>);
  }

  private fire(timer: DueTimer): Promise<void> {
    const runner = this.bySlice.get(timer.slice);
    if (!runner) throw new Error(`timer ${timer.slice}.${timer.timer} belongs to no timer or effect slice of the app's boards`);
    return runner.fire(timer);
  }
}

/** The sender an effect slice names: an HTTP callback with the slice's settings, or a channel as the app's configuration sets it. */
const effectSender = (slice: EffectSlice, settings: BoardSettings, channels: EffectChannels): EffectSender => {
  const { name, settings: declared } = slice.sender;
  switch (name) {
    case 'http-callback':
      return new HttpCallbackSender({
        timeoutMs: settings.integer(setting(slice, declared.timeoutMs, 'integer')),
        policy: new AddressPolicy(settings.text(setting(slice, declared.allow, 'text'))),
      });
    case 'email':
    case 'slack':
    case 'sms':
      return channels.sender(name);
    default:
      throw new Error(`${slice.name} names the sender ${name}, which the app does not have (it has: http-callback, ${OUTBOX_CHANNELS.join(', ')})`);
  }
};

const setting = <K extends Setting['kind']>(slice: EffectSlice, value: Setting | undefined, kind: K): K extends 'integer' ? IntegerSetting : TextSetting => {
  if (value?.kind !== kind) throw new Error(`${slice.name}'s sender needs a ${kind} setting there`);
  return value as K extends 'integer' ? IntegerSetting : TextSetting;
};
