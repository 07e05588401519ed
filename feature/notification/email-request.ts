import type { Command } from '@libs/decider/decider';
import type { EmailRequested } from '@model/notification/notification.events';

/** Queue an email on the email operation stream: a notification's own, or the internal team's notice. */
export type QueueEmail = Command<'QueueEmail', EmailRequested['data']>;

/** An email operation as its stream holds it: queued or not yet. */
export interface EmailQueue {
  readonly queued: boolean;
}

export const newEmailQueue = (): EmailQueue => ({ queued: false });

export const emailQueueEvolved = (): EmailQueue => ({ queued: true });

/** An email operation is queued once: queuing the same operation again (a redelivered cause) changes nothing. */
export const queuedOnce = ({ data }: QueueEmail, { queued }: EmailQueue): EmailRequested[] => (queued ? [] : [{ type: 'EmailRequested', data }]);
