import type { Decider } from '@libs/decider/decider';
import type { EmailOperation } from '@model/notification/notification.events';
import { emailQueueEvolved, newEmailQueue, queuedOnce, type EmailQueue, type QueueEmail } from '../email-request';

/** A notification's email is queued once. */
export const queueEmail: Decider<QueueEmail, EmailQueue, EmailOperation> = { initialState: newEmailQueue, evolve: emailQueueEvolved, decide: queuedOnce };
