import type { StateChangeSlice } from '@libs/event-model/board';
import type { ReminderEvent } from '@model/reminder/reminder.events';
import { REMINDER_STREAM, reminderCommandSubject, reminderSubject } from '@stream/reminder.stream';
import type { ReminderLife } from '../reminder.lifecycle';
import { defineReminder, type DefineReminder } from './define-reminder.decider';

/** Someone asks to be called back at an address after a delay. */
export const DEFINE_REMINDER: StateChangeSlice<DefineReminder, ReminderLife, ReminderEvent> = {
  kind: 'state-change',
  name: 'define-reminder',
  title: 'Someone defines a reminder',
  actor: 'Client',
  triggers: [
    { kind: 'http', method: 'POST', path: '/api/v1/reminders' },
    { kind: 'nats', subject: reminderCommandSubject('define-reminder') },
  ],
  command: { name: 'DefineReminder', fields: ['hours', 'minutes', 'seconds', 'address'] },
  stream: REMINDER_STREAM,
  events: ['ReminderDefined'],
  decider: defineReminder,
  entity: ({ data }) => reminderSubject(data.reminderId),
  rules: ['a reminder is defined, due once its delay has passed', 'defining the same reminder again changes nothing'],
};
