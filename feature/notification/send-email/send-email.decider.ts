import type { Command, Decider } from '@libs/decider/decider';
import type { EmailEvent, EmailFailed, EmailSent } from '@model/notification/notification.events';

/** How an email ended after its attempts: taken by the mail server, or given up on with the reason. */
export type RecordEmailOutcome = Command<
  'RecordEmailOutcome',
  Omit<EmailSent['data'], 'attempts'> & { attempts: number; succeeded: boolean; reason: string }
>;

/** An email's record on the email event stream: whether its outcome is in. */
export interface EmailRecord {
  readonly settled: boolean;
}

/** An email's outcome is recorded once: the first one stands. */
export const recordEmailOutcome: Decider<RecordEmailOutcome, EmailRecord, EmailEvent> = {
  initialState: () => ({ settled: false }),
  evolve: () => ({ settled: true }),
  decide: ({ data }, { settled }): (EmailSent | EmailFailed)[] => {
    if (settled) return [];
    const { operationId, notificationId, purpose, to, subject, attempts } = data;
    return data.succeeded
      ? [{ type: 'EmailSent', data: { operationId, notificationId, purpose, to, subject, attempts } }]
      : [{ type: 'EmailFailed', data: { operationId, notificationId, purpose, to, subject, attempts, reason: data.reason } }];
  },
};
