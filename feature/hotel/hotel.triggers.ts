import type { Trigger } from '@libs/event-model/board';
import { hotelCommandSubject } from '@stream/hotel.stream';

/** A hotel command's two doors: `PUT /mutation/<command>` and the `cmd.hotel.<command>` request/reply subject. */
export const commandTriggers = (command: string): readonly Trigger[] => [
  { kind: 'http', method: 'PUT', path: `/mutation/${command}` },
  { kind: 'nats', subject: hotelCommandSubject(command) },
];
