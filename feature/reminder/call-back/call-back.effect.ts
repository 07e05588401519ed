import type { RecordedEvent } from '@libs/decider/decider';
import type { EffectOutcome, EffectRequest } from '@libs/event-model/board';
import type { ReminderEvent } from '@model/reminder/reminder.events';
import type { ReminderLife } from '../reminder.lifecycle';
import type { RecordCallback } from './call-back.decider';

/** The CloudEvent type of a reminder's callback. */
export const CALLBACK_TYPE = 'reminder.ReminderDue.v1';
/** Its source: this service's reminders. */
export const CALLBACK_SOURCE = '/reminder/call-back';

/** A callback as the reminder asks for it: its address, and the CloudEvent telling that the reminder is due. */
export interface ReminderCallback {
  readonly url: string;
  readonly type: string;
  readonly source: string;
  readonly time: string;
  readonly data: { readonly id: string; readonly dueAt: string; readonly definition: { readonly hours: number; readonly minutes: number; readonly seconds: number; readonly address: string; readonly definedAt: string } };
}

/** An elapsed reminder asks for its callback, keyed by its id: every attempt carries the same `ce-id`. */
export const callbackFor = ({ event }: RecordedEvent<ReminderEvent>, life: ReminderLife): EffectRequest<ReminderCallback> | undefined => {
  if (event.type !== 'ReminderElapsed' || !life.address || !life.delay || !life.definedAt) return undefined;
  const { reminderId, dueAt } = event.data;
  return {
    key: reminderId,
    payload: {
      url: life.address,
      type: CALLBACK_TYPE,
      source: CALLBACK_SOURCE,
      time: dueAt,
      data: { id: reminderId, dueAt, definition: { ...life.delay, address: life.address, definedAt: life.definedAt } },
    },
  };
};

/** A callback is wanted while its reminder is active: a cancelled one calls nobody, a finished one nobody again. */
export const callbackWanted = (life: ReminderLife): boolean => life.status === 'Active' && life.elapsed;

/** The command recording how the callback ended. */
export const callbackOutcome = ({ key }: EffectRequest<ReminderCallback>, outcome: EffectOutcome): RecordCallback => ({
  type: 'RecordCallback',
  data: outcome.succeeded
    ? { reminderId: key, succeeded: true, attempts: outcome.attempts }
    : { reminderId: key, succeeded: false, attempts: outcome.attempts, reason: outcome.reason },
});
