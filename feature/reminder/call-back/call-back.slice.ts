import type { EffectSlice } from '@libs/event-model/board';
import type { ReminderEvent } from '@model/reminder/reminder.events';
import { REMINDER_STREAM, reminderSubject, reminderSubjectFilter } from '@stream/reminder.stream';
import type { ReminderLife } from '../reminder.lifecycle';
import { REMINDER_CALLBACK_ALLOW, REMINDER_CALLBACK_ATTEMPTS, REMINDER_CALLBACK_BACKOFF_MS, REMINDER_CALLBACK_TIMEOUT_MS } from '../reminder.settings';
import { recordCallback, type RecordCallback } from './call-back.decider';
import { callbackFor, callbackOutcome, callbackWanted, type ReminderCallback } from './call-back.effect';

/** The service calls the address back with a CloudEvent once the reminder elapsed, retrying what fails for a while. */
export const CALL_BACK: EffectSlice<ReminderEvent, ReminderCallback, RecordCallback, ReminderLife> = {
  kind: 'effect',
  name: 'call-back',
  title: 'The service calls the address back',
  actor: 'Receiver',
  subjects: reminderSubjectFilter(),
  reactsTo: ['ReminderElapsed'],
  command: { name: 'RecordCallback', fields: ['reminderId', 'succeeded', 'attempts', 'reason'] },
  stream: REMINDER_STREAM,
  events: ['ReminderCompleted', 'ReminderFailed'],
  sender: { name: 'http-callback', settings: { timeoutMs: REMINDER_CALLBACK_TIMEOUT_MS, allow: REMINDER_CALLBACK_ALLOW } },
  retry: { attempts: REMINDER_CALLBACK_ATTEMPTS, backoffMs: REMINDER_CALLBACK_BACKOFF_MS },
  request: callbackFor,
  wanted: callbackWanted,
  outcome: callbackOutcome,
  decider: recordCallback,
  entity: ({ data }) => reminderSubject(data.reminderId),
  rules: [
    'an elapsed reminder asks for its callback: a CloudEvent with its id, due time and definition, keyed by its id',
    'no other event asks for a callback',
    'a cancelled reminder calls nobody, a finished one nobody again',
    'a callback taken completes the reminder, with its attempts',
    'a callback given up on fails the reminder, with the reason and the attempts',
    'an outcome recorded again, or after a cancellation, changes nothing',
  ],
};
