import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { CommandContext } from '@libs/command/command-handler';
import { currentOperation } from '@adapter/telemetry/operation-context';

/**
 * `@Caller() caller: CommandContext`: the correlation and causation ids a command is decided with, as its
 * trigger set them when the command arrived (an HTTP request's correlation id, a NATS message's
 * `X-Correlation-Id`). Outside any operation, there is no caller to name: a bug of the trigger.
 */
export const Caller = createParamDecorator((_data: unknown, context: ExecutionContext): CommandContext => {
  const operation = currentOperation();
  if (!operation) throw new Error(`${context.getClass().name}.${context.getHandler().name} ran outside an operation: its trigger must start one`);
  return { correlationId: operation.correlationId, causationId: operation.causationId };
});
