import type { Decider } from '@libs/decider/decider';
import type { EmailOperation } from '@model/notification/notification.events';
import { emailQueueEvolved, newEmailQueue, queuedOnce, type EmailQueue, type QueueEmail } from '../email-request';

/** The internal team's email about a notification is queued once. */
export const queueInternalTeamEmail: Decider<QueueEmail, EmailQueue, EmailOperation> = { initialState: newEmailQueue, evolve: emailQueueEvolved, decide: queuedOnce };
