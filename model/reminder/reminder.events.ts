import type { EventContract } from '@libs/event-model/event-contract';
import { REMINDER_CANCELLED, type ReminderCancelled } from './reminder-cancelled.event';
import { REMINDER_COMPLETED, type ReminderCompleted } from './reminder-completed.event';
import { REMINDER_DEFINED, type ReminderDefined } from './reminder-defined.event';
import { REMINDER_ELAPSED, type ReminderElapsed } from './reminder-elapsed.event';
import { REMINDER_FAILED, type ReminderFailed } from './reminder-failed.event';

export type { ReminderCancelled, ReminderCompleted, ReminderDefined, ReminderElapsed, ReminderFailed };

/** Every event of a reminder. */
export type ReminderEvent = ReminderDefined | ReminderElapsed | ReminderCompleted | ReminderFailed | ReminderCancelled;

/** The contract of every reminder event: version, meaning, data fields and example. */
export const REMINDER_EVENT_CONTRACTS: Readonly<Record<ReminderEvent['type'], EventContract>> = {
  ReminderDefined: REMINDER_DEFINED,
  ReminderElapsed: REMINDER_ELAPSED,
  ReminderCompleted: REMINDER_COMPLETED,
  ReminderFailed: REMINDER_FAILED,
  ReminderCancelled: REMINDER_CANCELLED,
};

export const REMINDER_EVENT_TYPES = Object.keys(REMINDER_EVENT_CONTRACTS) as readonly ReminderEvent['type'][];
