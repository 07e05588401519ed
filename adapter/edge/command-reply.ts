import { randomUUID } from 'node:crypto';

/** What a command answers, the same over HTTP and over NATS request/reply: a status and a JSON body. */
export class CommandReply {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {}
}

export const CORRELATION_HEADER = 'x-correlation-id';

const TRACE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** A caller-supplied correlation id when it is a sane token, a new one otherwise. */
export const correlationIdFrom = (value: unknown): string =>
  typeof value === 'string' && TRACE_ID.test(value) ? value : randomUUID();
