import type { Trigger } from '@libs/event-model/board';
import { notificationCommandSubject } from '@stream/notification.stream';

/** A notification command's two doors: `PUT /mutation/<command>` and the `cmd.notification.<command>` request/reply subject. */
export const commandTriggers = (command: string): readonly Trigger[] => [
  { kind: 'http', method: 'PUT', path: `/mutation/${command}` },
  { kind: 'nats', subject: notificationCommandSubject(command) },
];
