import type { Command, Decider } from '@libs/decider/decider';
import { RuleViolation } from '@libs/errors/domain-error';
import type { ClientOperation, SendNotificationRequested } from '@model/notification/notification.events';
import type { RecipientContact } from './recipient-contact.read';

/** Ask for a notification to a recipient; `recipient` is how the recipient is reached as the request is made. */
export type SendNotification = Command<
  'SendNotification',
  { notificationId: string; recipientId: string; subject: string; body: string; requestedAt: string; recipient: RecipientContact }
>;

/** The request a notification id stands for, once made. */
export interface NotificationRequest {
  readonly requested?: SendNotificationRequested['data'];
}

export class RecipientMustExist extends RuleViolation {
  constructor(recipientId: string) {
    super('recipient-must-exist', `there is no recipient ${recipientId}: register them first (PUT /mutation/register-recipient)`, { recipientId });
  }
}

export class NotificationIdTaken extends RuleViolation {
  constructor(notificationId: string) {
    super(
      'notification-id-taken',
      `notification ${notificationId} was already requested with another recipient, subject or body: send a new notification under a new id`,
      { notificationId },
    );
  }
}

const sameRequest = (made: SendNotificationRequested['data'], asked: SendNotification['data']): boolean =>
  made.recipientId === asked.recipientId && made.subject === asked.subject && made.body === asked.body;

/** A notification is requested once per id, for a recipient who exists; the same request again is the same notification. */
export const sendNotification: Decider<SendNotification, NotificationRequest, ClientOperation> = {
  initialState: () => ({}),
  evolve: (_request, event) => ({ requested: event.data }),
  decide: ({ data }, { requested }): SendNotificationRequested[] => {
    if (requested) {
      if (sameRequest(requested, data)) return [];
      throw new NotificationIdTaken(data.notificationId);
    }
    if (!data.recipient) throw new RecipientMustExist(data.recipientId);
    const { notificationId, recipientId, subject, body, requestedAt } = data;
    return [{ type: 'SendNotificationRequested', data: { notificationId, recipientId, subject, body, channels: data.recipient.channels, requestedAt } }];
  },
};
