import type { StateViewSlice } from '@libs/event-model/board';
import type { ReminderEvent } from '@model/reminder/reminder.events';
import { REMINDER_STREAM, reminderSubjectFilter } from '@stream/reminder.stream';
import { reminderStatus, type ReminderStatusDocument } from './reminder-status.projection';

/** Every reminder and where it stands, for whoever follows them. */
export const REMINDER_STATUS: StateViewSlice<ReminderEvent, ReminderStatusDocument> = {
  kind: 'state-view',
  name: 'reminder-status',
  title: 'The reminders and where they stand',
  view: { name: 'reminder-status', fields: ['id', 'status', 'dueAt', 'address'] },
  stream: REMINDER_STREAM,
  subjects: reminderSubjectFilter(),
  events: ['ReminderDefined', 'ReminderElapsed', 'ReminderCompleted', 'ReminderFailed', 'ReminderCancelled'],
  queries: [
    { kind: 'http', method: 'GET', path: '/api/v1/reminders' },
    { kind: 'http', method: 'GET', path: '/api/v1/reminders/:id' },
  ],
  shownTo: ['Client'],
  projection: reminderStatus,
  rules: [
    'a defined reminder is active, with its due time and address',
    'it stays active while its callback is attempted, then shows how it ended',
    'a cancelled or failed reminder shows so',
  ],
};
