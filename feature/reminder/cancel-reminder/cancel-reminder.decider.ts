import type { Command, Decider } from '@libs/decider/decider';
import { NotFound, RuleViolation } from '@libs/errors/domain-error';
import type { ReminderEvent } from '@model/reminder/reminder.events';
import type { ReminderCancelled } from '@model/reminder/reminder-cancelled.event';
import { livedThrough, newReminder, type ReminderLife } from '../reminder.lifecycle';

/** Call a reminder off: nobody is called back any more. */
export type CancelReminder = Command<'CancelReminder', { reminderId: string }>;

export class ReminderAlreadyFinished extends RuleViolation {
  constructor(reminderId: string, status: string) {
    super('reminder-already-finished', `reminder ${reminderId} is already ${status}: there is nothing left to cancel`, { reminderId, reminderStatus: status });
  }
}

/** An active reminder can be cancelled, once; a finished one cannot. */
export const cancelReminder: Decider<CancelReminder, ReminderLife, ReminderEvent> = {
  initialState: newReminder,
  evolve: (life, event) => livedThrough(life, event),
  decide: ({ data }, life): ReminderCancelled[] => {
    switch (life.status) {
      case undefined:
        throw new NotFound(`there is no reminder ${data.reminderId}`);
      case 'Cancelled':
        return [];
      case 'Completed':
      case 'Failed':
        throw new ReminderAlreadyFinished(data.reminderId, life.status);
      case 'Active':
        return [{ type: 'ReminderCancelled', data: { reminderId: data.reminderId } }];
    }
  },
};
