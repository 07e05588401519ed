import type { Board } from '@libs/event-model/board';
import { REMINDER_STREAM, reminderCommandSubjectFilter } from '@stream/reminder.stream';
import { CALL_BACK } from './call-back/call-back.slice';
import { CancelReminderController } from './cancel-reminder/cancel-reminder.controller';
import { CANCEL_REMINDER } from './cancel-reminder/cancel-reminder.slice';
import { DefineReminderController } from './define-reminder/define-reminder.controller';
import { DEFINE_REMINDER } from './define-reminder/define-reminder.slice';
import { ELAPSE_REMINDER } from './elapse-reminder/elapse-reminder.slice';
import { ReminderStatusController } from './reminder-status/reminder-status.controller';
import { REMINDER_STATUS } from './reminder-status/reminder-status.slice';

/** Reminders: call an address back after a delay, kept by the system's own clock on JetStream instead of a job scheduler. */
export const REMINDER_BOARD: Board = {
  name: 'reminder',
  title: 'Reminders',
  actors: [
    { name: 'Client', kind: 'person' },
    { name: 'Clock', kind: 'system' },
    { name: 'Receiver', kind: 'system' },
  ],
  streams: [REMINDER_STREAM],
  commandSubjects: reminderCommandSubjectFilter(),
  slices: [DEFINE_REMINDER, REMINDER_STATUS, ELAPSE_REMINDER, CALL_BACK, CANCEL_REMINDER],
  controllers: [DefineReminderController, ReminderStatusController, CancelReminderController],
};
