import type { RecordedEvent } from '@libs/decider/decider';
import { clearTimer, setTimer, type TimerChange } from '@libs/event-model/board';
import type { ReminderEvent } from '@model/reminder/reminder.events';
import type { ElapseReminder } from './elapse-reminder.decider';

/** A defined reminder sets its timer at its due time; a cancelled one clears it. */
export const reminderTimers = ({ event }: RecordedEvent<ReminderEvent>): readonly TimerChange<ElapseReminder>[] => {
  const { reminderId } = event.data;
  if (event.type === 'ReminderDefined') return [setTimer(reminderId, event.data.dueAt, { type: 'ElapseReminder', data: { reminderId } })];
  if (event.type === 'ReminderCancelled') return [clearTimer(reminderId)];
  return [];
};
