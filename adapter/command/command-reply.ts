import type { ClassConstructor } from 'class-transformer';
import { randomUUID } from 'node:crypto';
import type { CommandContext } from '@libs/command/command-handler';

/** What a command answers, the same over HTTP and over NATS request/reply. */
export interface CommandReply {
  readonly status: number;
  readonly body: unknown;
}

/** A command a slice accepts from the outside: its input shape and how it is executed. */
export interface CommandEndpoint<I extends object> {
  /** Kebab-case name: the HTTP path `/mutation/<name>` and the NATS subject's last token. */
  readonly name: string;
  readonly input: ClassConstructor<I>;
  readonly execute: (input: I, context: CommandContext) => Promise<CommandReply>;
}

export const CORRELATION_HEADER = 'x-correlation-id';

const TRACE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** A caller-supplied correlation id when it is a sane token, a new one otherwise. */
export const correlationIdFrom = (value: unknown): string =>
  typeof value === 'string' && TRACE_ID.test(value) ? value : randomUUID();
