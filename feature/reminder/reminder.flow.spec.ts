import type { EffectRequest } from '@libs/event-model/board';
import { BoardFlow, type FlowSend } from '@libs/testing/board-flow';
import { REMINDER_STREAM, reminderSubject } from '@stream/reminder.stream';
import type { ReminderCallback } from './call-back/call-back.effect';
import { CANCEL_REMINDER } from './cancel-reminder/cancel-reminder.slice';
import { DEFINE_REMINDER } from './define-reminder/define-reminder.slice';
import { REMINDER_BOARD } from './reminder.board';
import { REMINDER_STATUS } from './reminder-status/reminder-status.slice';
import { REMINDER_CALLBACK_ATTEMPTS, REMINDER_CALLBACK_BACKOFF_MS } from './reminder.settings';

const ID = '381b213b-5bc9-4efe-ac00-b10227794b7c';
const START = Date.UTC(2026, 11, 2, 8);
const ADDRESS = 'http://receiver.test/callbacks';

/** The reminders' flows on a clock the spec moves: the timer, the callback and its retries, as the runtime runs them. */
describe('the reminders board, flow by flow', () => {
  let flow: BoardFlow;
  let sent: { request: EffectRequest<ReminderCallback>; attempt: number; at: number }[];
  let answers: ReturnType<FlowSend>[];

  const receiver: FlowSend = (request, attempt) => {
    sent.push({ request: request as EffectRequest<ReminderCallback>, attempt, at: flow.now });
    return answers.shift() ?? 'sent';
  };
  const define = async (seconds: number) => {
    await flow.command(DEFINE_REMINDER, { type: 'DefineReminder', data: { reminderId: ID, address: ADDRESS, hours: 0, minutes: 0, seconds, definedAt: new Date(flow.now).toISOString() } });
    await flow.settle();
  };
  const types = () => flow.events(REMINDER_STREAM.name, reminderSubject(ID)).map(({ type }) => type);

  beforeEach(() => {
    flow = new BoardFlow([REMINDER_BOARD], { now: START, senders: { 'http-callback': receiver } });
    sent = [];
    answers = [];
  });

  it('calls back once the delay has passed, not a millisecond before, and completes', async () => {
    await define(30);
    await flow.advance(29_999);
    expect(sent).toEqual([]);
    expect(flow.view(REMINDER_STATUS, ID)).toMatchObject({ status: 'Active' });
    await flow.advance(1);
    expect(sent).toEqual([{ request: expect.objectContaining({ key: ID }), attempt: 1, at: START + 30_000 }]);
    expect(sent[0]!.request.payload).toMatchObject({ url: ADDRESS, time: new Date(START + 30_000).toISOString(), data: { id: ID } });
    expect(types()).toEqual(['ReminderDefined', 'ReminderElapsed', 'ReminderCompleted']);
    expect(flow.view(REMINDER_STATUS, ID)).toMatchObject({ status: 'Completed' });
    await flow.advance(60_000);
    expect(sent).toHaveLength(1);
  });

  it('tries a failing callback again after a backoff that doubles, with the same key, and completes when it is taken', async () => {
    answers = [{ retry: 'the receiver answered 503' }, { retry: 'no answer within 5000 ms' }, 'sent'];
    await define(10);
    await flow.advance(10_000);
    const backoff = REMINDER_CALLBACK_BACKOFF_MS.fallback;
    await flow.advance(backoff - 1);
    expect(sent.map(({ attempt }) => attempt)).toEqual([1]);
    await flow.advance(1);
    await flow.advance(2 * backoff);
    expect(sent.map(({ attempt, at }) => [attempt, at - START])).toEqual([
      [1, 10_000],
      [2, 10_000 + backoff],
      [3, 10_000 + 3 * backoff],
    ]);
    expect(new Set(sent.map(({ request }) => request.key))).toEqual(new Set([ID]));
    expect(flow.events(REMINDER_STREAM.name, reminderSubject(ID)).at(-1)).toEqual({ type: 'ReminderCompleted', data: { reminderId: ID, attempts: 3 } });
  });

  it('fails after its last attempt, saying why', async () => {
    answers = Array.from({ length: REMINDER_CALLBACK_ATTEMPTS.fallback }, () => ({ retry: 'the receiver answered 503' }));
    await define(1);
    await flow.advance(24 * 60 * 60 * 1_000);
    expect(sent).toHaveLength(REMINDER_CALLBACK_ATTEMPTS.fallback);
    expect(flow.events(REMINDER_STREAM.name, reminderSubject(ID)).at(-1)).toEqual({
      type: 'ReminderFailed',
      data: { reminderId: ID, attempts: REMINDER_CALLBACK_ATTEMPTS.fallback, reason: `the receiver answered 503; gave up after ${REMINDER_CALLBACK_ATTEMPTS.fallback} attempts` },
    });
  });

  it('a reminder refused by its receiver fails at once', async () => {
    answers = [{ refused: 'the receiver answered 404' }];
    await define(1);
    await flow.advance(60_000);
    expect(sent).toHaveLength(1);
    expect(types().at(-1)).toBe('ReminderFailed');
  });

  it('a reminder cancelled before it is due calls nobody, ever', async () => {
    await define(30);
    await flow.command(CANCEL_REMINDER, { type: 'CancelReminder', data: { reminderId: ID } });
    await flow.advance(24 * 60 * 60 * 1_000);
    expect(sent).toEqual([]);
    expect(flow.timers.waiting).toEqual([]);
    expect(types()).toEqual(['ReminderDefined', 'ReminderCancelled']);
  });

  it('a reminder cancelled while its callback is retried gets no further attempt', async () => {
    answers = [{ retry: 'the receiver answered 503' }];
    await define(1);
    await flow.advance(1_000);
    await flow.command(CANCEL_REMINDER, { type: 'CancelReminder', data: { reminderId: ID } });
    await flow.advance(60 * 60 * 1_000);
    expect(sent.map(({ attempt }) => attempt)).toEqual([1]);
    expect(types()).toEqual(['ReminderDefined', 'ReminderElapsed', 'ReminderCancelled']);
  });
});
