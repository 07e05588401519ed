import { DeciderSpecification, recorded } from '@libs/testing/given-when-then';
import type { ReminderEvent } from '@model/reminder/reminder.events';
import { elapseReminder, type ElapseReminder } from './elapse-reminder.decider';
import { reminderTimers } from './elapse-reminder.timers';

const ID = '381b213b-5bc9-4efe-ac00-b10227794b7c';
const DUE = '2026-12-02T08:00:30.000Z';
const defined: ReminderEvent = {
  type: 'ReminderDefined',
  data: { reminderId: ID, address: 'http://127.0.0.1:3000/', hours: 0, minutes: 0, seconds: 30, definedAt: '2026-12-02T08:00:00.000Z', dueAt: DUE },
};
const elapsed: ReminderEvent = { type: 'ReminderElapsed', data: { reminderId: ID, dueAt: DUE } };
const cancelled: ReminderEvent = { type: 'ReminderCancelled', data: { reminderId: ID } };
const elapse: ElapseReminder = { type: 'ElapseReminder', data: { reminderId: ID } };
const spec = DeciderSpecification.for(elapseReminder);
const timersOf = (event: ReminderEvent) => reminderTimers(recorded([event])[0]!);

describe('the reminder elapses', () => {
  it('a defined reminder sets its timer at its due time', () =>
    expect(timersOf(defined)).toEqual([{ kind: 'set', timer: ID, at: DUE, command: elapse }]));

  it('a cancelled reminder clears its timer', () => expect(timersOf(cancelled)).toEqual([{ kind: 'clear', timer: ID }]));

  it('other events set and clear no timer', () => expect(timersOf(elapsed)).toEqual([]));

  it('when due, an active reminder elapses', () => spec.given([defined]).when(elapse).then([elapsed]));

  it('a timer that fires again, or after a cancellation, changes nothing', () => {
    spec.given([defined, elapsed]).when(elapse).thenNothingHappens();
    spec.given([defined, cancelled]).when(elapse).thenNothingHappens();
  });
});
