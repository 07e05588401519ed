import { NotFound } from '@libs/errors/domain-error';
import { DeciderSpecification } from '@libs/testing/given-when-then';
import type { ReminderEvent } from '@model/reminder/reminder.events';
import { cancelReminder, type CancelReminder } from './cancel-reminder.decider';

const ID = '381b213b-5bc9-4efe-ac00-b10227794b7c';
const defined: ReminderEvent = {
  type: 'ReminderDefined',
  data: { reminderId: ID, address: 'http://127.0.0.1:3000/', hours: 0, minutes: 0, seconds: 30, definedAt: '2026-12-02T08:00:00.000Z', dueAt: '2026-12-02T08:00:30.000Z' },
};
const elapsed: ReminderEvent = { type: 'ReminderElapsed', data: { reminderId: ID, dueAt: '2026-12-02T08:00:30.000Z' } };
const cancelled: ReminderEvent = { type: 'ReminderCancelled', data: { reminderId: ID } };
const cancel: CancelReminder = { type: 'CancelReminder', data: { reminderId: ID } };
const spec = DeciderSpecification.for(cancelReminder);

describe('cancel a reminder', () => {
  it('an active reminder is cancelled, before or after it elapsed', () => {
    spec.given([defined]).when(cancel).then([cancelled]);
    spec.given([defined, elapsed]).when(cancel).then([cancelled]);
  });

  it('cancelling it again changes nothing', () => spec.given([defined, cancelled]).when(cancel).thenNothingHappens());

  it('a completed or failed reminder cannot be cancelled', () => {
    spec.given([defined, elapsed, { type: 'ReminderCompleted', data: { reminderId: ID, attempts: 1 } }]).when(cancel).thenRefuses('reminder-already-finished');
    spec.given([defined, elapsed, { type: 'ReminderFailed', data: { reminderId: ID, reason: 'the receiver answered 404', attempts: 1 } }]).when(cancel).thenRefuses('reminder-already-finished');
  });

  it('a reminder nobody defined is not found', () => expect(() => cancelReminder.decide(cancel, cancelReminder.initialState())).toThrow(NotFound));
});
