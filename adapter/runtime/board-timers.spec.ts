import type { SliceHandlers } from '@libs/command/slice-handlers';
import type { Board, EffectSlice, IntegerSetting } from '@libs/event-model/board';
import { BoardSettings } from '@adapter/config/board-settings';
import type { EffectSender } from '@adapter/effects/effect-sender';
import type { NatsClient } from '@adapter/nats/nats.client';
import type { AppMetrics } from '@adapter/telemetry/app-metrics';
import type { CommandTelemetry } from '@adapter/telemetry/command-telemetry';
import { BoardTimers } from './board-timers';
import type { EffectChannels } from './effect-channels';

const integer = (name: string, fallback: number): IntegerSetting => ({ kind: 'integer', name, description: name, fallback, min: 0, max: 1_000_000 });
const attempts = integer('NOTIFY_ATTEMPTS', 3);
const backoffMs = integer('NOTIFY_BACKOFF_MS', 1_000);

/** A board with one effect slice naming `sender`: what the runtime reads of it when it builds the slice's runner. */
const boardSending = (sender: string): Board =>
  ({
    name: 'notices',
    slices: [{ kind: 'effect', name: 'notify', stream: { name: 'NOTICES', subjects: ['notice.>'] }, subjects: 'notice.>', sender: { name: sender, settings: {} }, retry: { attempts, backoffMs } } as unknown as EffectSlice],
  }) as unknown as Board;

/** Builds the board's timers and effects (nothing touches NATS before `ensure`), with channels that tell which was asked for. */
const build = (board: Board): { timers: BoardTimers; asked: string[] } => {
  const asked: string[] = [];
  const sender = (channel: string): EffectSender => {
    asked.push(channel);
    return { send: () => Promise.resolve({ kind: 'sent' }) };
  };
  const channels = { sender } as unknown as EffectChannels;
  const timers = new BoardTimers([board], {} as NatsClient, {
    replicas: 1,
    handlers: { handler: () => ({}) } as unknown as SliceHandlers,
    settings: new BoardSettings([attempts, backoffMs], {}, true),
    telemetry: {} as CommandTelemetry,
    metrics: {} as AppMetrics,
    channels,
  });
  return { timers, asked };
};

describe('the sender an effect slice names', () => {
  it.each(['email', 'slack', 'sms'])('takes the app\'s %s channel, as the configuration chose it', (channel) => {
    const { timers, asked } = build(boardSending(channel));
    expect(timers.effects.map(({ slice }) => slice.name)).toEqual(['notify']);
    expect(asked).toEqual([channel]);
  });

  it('stops the start for a sender the app does not have, listing those it has', () => {
    expect(() => build(boardSending('fax'))).toThrow('notify names the sender fax, which the app does not have (it has: http-callback, email, slack, sms)');
  });
});
