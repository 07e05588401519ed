import type { StateChangeSlice } from '@libs/event-model/board';
import type { ReminderEvent } from '@model/reminder/reminder.events';
import { REMINDER_STREAM, reminderCommandSubject, reminderSubject } from '@stream/reminder.stream';
import type { ReminderLife } from '../reminder.lifecycle';
import { cancelReminder, type CancelReminder } from './cancel-reminder.decider';

/** Someone calls a reminder off before its callback went through. */
export const CANCEL_REMINDER: StateChangeSlice<CancelReminder, ReminderLife, ReminderEvent> = {
  kind: 'state-change',
  name: 'cancel-reminder',
  title: 'Someone cancels a reminder',
  actor: 'Client',
  triggers: [
    { kind: 'http', method: 'DELETE', path: '/api/v1/reminders/:id' },
    { kind: 'nats', subject: reminderCommandSubject('cancel-reminder') },
  ],
  command: { name: 'CancelReminder', fields: ['reminderId'] },
  stream: REMINDER_STREAM,
  events: ['ReminderCancelled'],
  decider: cancelReminder,
  entity: ({ data }) => reminderSubject(data.reminderId),
  rules: [
    'an active reminder is cancelled, before or after it elapsed',
    'cancelling it again changes nothing',
    'a completed or failed reminder cannot be cancelled',
    'a reminder nobody defined is not found',
  ],
};
