import type { EntityRead } from '@libs/command/entity-read';
import type { ReminderEvent } from '@model/reminder/reminder.events';
import { REMINDER_STREAM, reminderSubject } from '@stream/reminder.stream';
import { livedThrough, newReminder, type ReminderLife } from './reminder.lifecycle';

/** A reminder as its events tell it now, read from its stream's leader: what `GET /api/v1/reminders/:id` answers. */
export const REMINDER_LIFE: EntityRead<string, ReminderLife, ReminderEvent> = {
  name: 'reminder-life',
  stream: REMINDER_STREAM,
  subjectOf: (reminderId) => reminderSubject(reminderId),
  initial: newReminder,
  evolve: livedThrough,
  settled: (life) => life.status !== undefined && life.status !== 'Active',
};
