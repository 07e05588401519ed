import type { Command, Decider } from '@libs/decider/decider';
import type { ReminderEvent } from '@model/reminder/reminder.events';
import type { ReminderDefined } from '@model/reminder/reminder-defined.event';
import { livedThrough, newReminder, type ReminderLife } from '../reminder.lifecycle';

/** Call `address` back once the delay has passed; `definedAt` is the time the service took the request. */
export type DefineReminder = Command<'DefineReminder', { reminderId: string; address: string; hours: number; minutes: number; seconds: number; definedAt: string }>;

/** When a reminder defined at `definedAt` with this delay is due. */
export const dueAt = ({ definedAt, hours, minutes, seconds }: DefineReminder['data']): string =>
  new Date(Date.parse(definedAt) + ((hours * 60 + minutes) * 60 + seconds) * 1_000).toISOString();

/** A reminder is defined once: its id is new, and the same definition again changes nothing. */
export const defineReminder: Decider<DefineReminder, ReminderLife, ReminderEvent> = {
  initialState: newReminder,
  evolve: (life, event) => livedThrough(life, event),
  decide: ({ data }, life): ReminderDefined[] => (life.status ? [] : [{ type: 'ReminderDefined', data: { ...data, dueAt: dueAt(data) } }]),
};
