import { DeciderSpecification, recorded } from '@libs/testing/given-when-then';
import type { ReminderEvent } from '@model/reminder/reminder.events';
import { livedThrough, newReminder } from '../reminder.lifecycle';
import { recordCallback, type RecordCallback } from './call-back.decider';
import { CALLBACK_TYPE, callbackFor, callbackOutcome, callbackWanted } from './call-back.effect';

const ID = '381b213b-5bc9-4efe-ac00-b10227794b7c';
const DUE = '2026-12-02T08:00:30.000Z';
const definition = { address: 'http://127.0.0.1:3000/api/v1/reminders', hours: 0, minutes: 0, seconds: 30, definedAt: '2026-12-02T08:00:00.000Z' };
const defined: ReminderEvent = { type: 'ReminderDefined', data: { reminderId: ID, ...definition, dueAt: DUE } };
const elapsed: ReminderEvent = { type: 'ReminderElapsed', data: { reminderId: ID, dueAt: DUE } };
const cancelled: ReminderEvent = { type: 'ReminderCancelled', data: { reminderId: ID } };
const lifeAfter = (...events: ReminderEvent[]) => events.reduce(livedThrough, newReminder());
const succeeded: RecordCallback = { type: 'RecordCallback', data: { reminderId: ID, succeeded: true, attempts: 2 } };
const failed: RecordCallback = { type: 'RecordCallback', data: { reminderId: ID, succeeded: false, attempts: 5, reason: 'the receiver answered 503; gave up after 5 attempts' } };
const spec = DeciderSpecification.for(recordCallback);

describe('call the address back', () => {
  it('an elapsed reminder asks for its callback: a CloudEvent with its id, due time and definition, keyed by its id', () =>
    expect(callbackFor(recorded([elapsed])[0]!, lifeAfter(defined, elapsed))).toEqual({
      key: ID,
      payload: { url: definition.address, type: CALLBACK_TYPE, source: '/reminder/call-back', time: DUE, data: { id: ID, dueAt: DUE, definition } },
    }));

  it('no other event asks for a callback', () => expect(callbackFor(recorded([defined])[0]!, lifeAfter(defined))).toBeUndefined());

  it('a cancelled reminder calls nobody, a finished one nobody again', () => {
    expect(callbackWanted(lifeAfter(defined, elapsed))).toBe(true);
    expect(callbackWanted(lifeAfter(defined, elapsed, cancelled))).toBe(false);
    expect(callbackWanted(lifeAfter(defined, elapsed, { type: 'ReminderCompleted', data: { reminderId: ID, attempts: 1 } }))).toBe(false);
  });

  it('a callback taken completes the reminder, with its attempts', () => {
    expect(callbackOutcome({ key: ID, payload: undefined as never }, { succeeded: true, attempts: 2 })).toEqual(succeeded);
    spec.given([defined, elapsed]).when(succeeded).then([{ type: 'ReminderCompleted', data: { reminderId: ID, attempts: 2 } }]);
  });

  it('a callback given up on fails the reminder, with the reason and the attempts', () =>
    spec.given([defined, elapsed]).when(failed).then([{ type: 'ReminderFailed', data: { reminderId: ID, attempts: 5, reason: failed.data.reason! } }]));

  it('an outcome recorded again, or after a cancellation, changes nothing', () => {
    spec.given([defined, elapsed, { type: 'ReminderCompleted', data: { reminderId: ID, attempts: 2 } }]).when(succeeded).thenNothingHappens();
    spec.given([defined, elapsed, cancelled]).when(failed).thenNothingHappens();
  });
});
