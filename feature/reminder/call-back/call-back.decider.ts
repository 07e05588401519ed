import type { Command, Decider } from '@libs/decider/decider';
import type { ReminderEvent } from '@model/reminder/reminder.events';
import type { ReminderCompleted } from '@model/reminder/reminder-completed.event';
import type { ReminderFailed } from '@model/reminder/reminder-failed.event';
import { livedThrough, newReminder, type ReminderLife } from '../reminder.lifecycle';

/** How the callback ended, after its attempts: taken by the address, or given up on with the reason. */
export type RecordCallback = Command<'RecordCallback', { reminderId: string; succeeded: boolean; attempts: number; reason?: string }>;

/** An elapsed, active reminder completes or fails with its callback's outcome, once; a cancelled one stays cancelled. */
export const recordCallback: Decider<RecordCallback, ReminderLife, ReminderEvent> = {
  initialState: newReminder,
  evolve: (life, event) => livedThrough(life, event),
  decide: ({ data }, life): (ReminderCompleted | ReminderFailed)[] => {
    if (life.status !== 'Active' || !life.elapsed) return [];
    const { reminderId, attempts } = data;
    return data.succeeded
      ? [{ type: 'ReminderCompleted', data: { reminderId, attempts } }]
      : [{ type: 'ReminderFailed', data: { reminderId, attempts, reason: data.reason ?? 'the callback failed' } }];
  },
};
