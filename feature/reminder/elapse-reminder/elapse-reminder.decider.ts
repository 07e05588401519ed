import type { Command, Decider } from '@libs/decider/decider';
import type { ReminderEvent } from '@model/reminder/reminder.events';
import type { ReminderElapsed } from '@model/reminder/reminder-elapsed.event';
import { livedThrough, newReminder, type ReminderLife } from '../reminder.lifecycle';

/** The clock says the reminder is due. */
export type ElapseReminder = Command<'ElapseReminder', { reminderId: string }>;

/** An active reminder elapses once; a cancelled or finished one stays as it is (a timer that fires late or twice changes nothing). */
export const elapseReminder: Decider<ElapseReminder, ReminderLife, ReminderEvent> = {
  initialState: newReminder,
  evolve: (life, event) => livedThrough(life, event),
  decide: ({ data }, life): ReminderElapsed[] =>
    life.status === 'Active' && !life.elapsed && life.dueAt ? [{ type: 'ReminderElapsed', data: { reminderId: data.reminderId, dueAt: life.dueAt } }] : [],
};
