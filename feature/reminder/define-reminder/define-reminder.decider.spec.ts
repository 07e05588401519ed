import { DeciderSpecification } from '@libs/testing/given-when-then';
import type { ReminderEvent } from '@model/reminder/reminder.events';
import { defineReminder, type DefineReminder } from './define-reminder.decider';

const ID = '381b213b-5bc9-4efe-ac00-b10227794b7c';
const definition = { reminderId: ID, address: 'http://127.0.0.1:3000/api/v1/reminders', hours: 1, minutes: 2, seconds: 3, definedAt: '2026-12-02T08:00:00.000Z' };
const define: DefineReminder = { type: 'DefineReminder', data: definition };
const defined: ReminderEvent = { type: 'ReminderDefined', data: { ...definition, dueAt: '2026-12-02T09:02:03.000Z' } };
const spec = DeciderSpecification.for(defineReminder);

describe('define a reminder', () => {
  it('a reminder is defined, due once its delay has passed', () => spec.given([]).when(define).then([defined]));

  it('defining the same reminder again changes nothing', () => spec.given([defined]).when(define).thenNothingHappens());
});
