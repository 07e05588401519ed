import type { Projection } from '@libs/decider/projection';
import type { ReminderEvent } from '@model/reminder/reminder.events';
import { livedThrough, newReminder, type ReminderStatus } from '../reminder.lifecycle';

/** The board's green "Reminders" post-it: one document per reminder, where it stands. */
export interface ReminderStatusDocument {
  readonly id: string;
  readonly status: ReminderStatus;
  readonly dueAt: string;
  readonly address: string;
}

export const reminderStatus: Projection<ReminderEvent, ReminderStatusDocument> = {
  name: 'reminder-status',
  keyOf: (event) => event.data.reminderId,
  evolve: (document, { event }) => {
    const life = livedThrough(document ? { ...newReminder(), status: document.status, dueAt: document.dueAt, address: document.address } : newReminder(), event);
    return { id: event.data.reminderId, status: life.status ?? 'Active', dueAt: life.dueAt ?? '', address: life.address ?? '' };
  },
};
