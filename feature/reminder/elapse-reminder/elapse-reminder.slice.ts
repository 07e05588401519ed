import type { TimerSlice } from '@libs/event-model/board';
import type { ReminderEvent } from '@model/reminder/reminder.events';
import { REMINDER_STREAM, reminderSubject, reminderSubjectFilter } from '@stream/reminder.stream';
import type { ReminderLife } from '../reminder.lifecycle';
import { elapseReminder, type ElapseReminder } from './elapse-reminder.decider';
import { reminderTimers } from './elapse-reminder.timers';

/** The clock: each reminder elapses at its due time, unless it was cancelled before. */
export const ELAPSE_REMINDER: TimerSlice<ReminderEvent, ElapseReminder, ReminderLife> = {
  kind: 'timer',
  name: 'elapse-reminder',
  title: 'The reminder elapses at its due time',
  actor: 'Clock',
  subjects: reminderSubjectFilter(),
  reactsTo: ['ReminderDefined', 'ReminderCancelled'],
  command: { name: 'ElapseReminder', fields: ['reminderId'] },
  stream: REMINDER_STREAM,
  events: ['ReminderElapsed'],
  timers: reminderTimers,
  decider: elapseReminder,
  entity: ({ data }) => reminderSubject(data.reminderId),
  rules: [
    'a defined reminder sets its timer at its due time',
    'a cancelled reminder clears its timer',
    'other events set and clear no timer',
    'when due, an active reminder elapses',
    'a timer that fires again, or after a cancellation, changes nothing',
  ],
};
