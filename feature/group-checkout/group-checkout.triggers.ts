import type { Trigger } from '@libs/event-model/board';
import { groupCheckoutCommandSubject } from '@stream/group-checkout.stream';

/** A group-checkout command's two doors: `PUT /mutation/<command>` and the `cmd.group-checkout.<command>` request/reply subject. */
export const commandTriggers = (command: string): readonly Trigger[] => [
  { kind: 'http', method: 'PUT', path: `/mutation/${command}` },
  { kind: 'nats', subject: groupCheckoutCommandSubject(command) },
];
