import type { RecordedEvent } from '@libs/decider/decider';
import type { EffectOutcome, EffectRequest } from '@libs/event-model/board';
import type { EmailOperation } from '@model/notification/notification.events';
import type { EmailPurpose } from '@model/notification/notification.fields';
import type { EmailRecord, RecordEmailOutcome } from './send-email.decider';

/** An email as the sender takes it (`to`, `subject`, `text`), with the notification it belongs to. */
export interface NotificationEmail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly notificationId: string;
  readonly purpose: EmailPurpose;
}

/** A queued email asks to be sent, keyed by its operation id: every attempt carries the same `Message-ID`. */
export const emailFor = ({ event }: RecordedEvent<EmailOperation>): EffectRequest<NotificationEmail> => {
  const { operationId, notificationId, purpose, to, subject, body } = event.data;
  return { key: operationId, payload: { to, subject, text: body, notificationId, purpose } };
};

/** An email is wanted until its outcome is recorded. */
export const emailWanted = ({ settled }: EmailRecord): boolean => !settled;

/** The command recording how the email ended. */
export const emailOutcome = ({ key, payload }: EffectRequest<NotificationEmail>, outcome: EffectOutcome): RecordEmailOutcome => ({
  type: 'RecordEmailOutcome',
  data: {
    operationId: key,
    notificationId: payload.notificationId,
    purpose: payload.purpose,
    to: payload.to,
    subject: payload.subject,
    attempts: outcome.attempts,
    succeeded: outcome.succeeded,
    reason: outcome.succeeded ? '' : outcome.reason,
  },
});
