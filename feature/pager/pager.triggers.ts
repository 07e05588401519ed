import type { Trigger } from '@libs/event-model/board';
import { pagerCommandSubject } from '@stream/pager.stream';

/** A pager command's two doors: `PUT /mutation/<command>` and the `cmd.pager.<command>` request/reply subject. */
export const commandTriggers = (command: string): readonly Trigger[] => [
  { kind: 'http', method: 'PUT', path: `/mutation/${command}` },
  { kind: 'nats', subject: pagerCommandSubject(command) },
];
