import type { EntityRead } from '@libs/command/entity-read';
import type { ClientOperation } from '@model/notification/notification.events';
import { NOTIFICATION_REQUEST_STREAM, notificationRequestSubject } from '@stream/notification.stream';

/** Who a requested notification is for, once the client operation stream holds it: what a tracker shows before it is taken on. */
export const NOTIFICATION_REQUESTED: EntityRead<string, string | undefined, ClientOperation> = {
  name: 'notification-requested',
  stream: NOTIFICATION_REQUEST_STREAM,
  subjectOf: (notificationId) => notificationRequestSubject(notificationId),
  initial: () => undefined,
  evolve: (_recipientId, event) => event.data.recipientId,
  settled: (recipientId) => recipientId !== undefined,
};
