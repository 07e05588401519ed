import { Logger } from '@nestjs/common';
import type { Board } from '@libs/event-model/board';
import type { SliceHandlers } from '@libs/command/slice-handlers';

/**
 * Decides every board's demo commands (its manifest's `demo`) through the same handlers as any caller:
 * they are idempotent decisions, so every start may run them and the second stores nothing.
 */
export const seedDemoData = async (boards: readonly Board[], handlers: SliceHandlers): Promise<void> => {
  const logger = new Logger('DemoData');
  for (const board of boards) {
    if (!board.demo?.length) continue;
    const context = { correlationId: `demo-${board.name}`, causationId: `demo-${board.name}` };
    let stored = 0;
    for (const { slice, command } of board.demo) stored += (await handlers.handler(slice).handle(command, context)).events.length;
    logger.log({ message: 'demo data ready', board: board.name, commands: board.demo.length, eventsStored: stored });
  }
};
