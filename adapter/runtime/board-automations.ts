import { isAutomation, type AutomationSlice, type Board } from '@libs/event-model/board';
import type { BoardSettings } from '@adapter/config/board-settings';
import type { NatsClient } from '@adapter/nats/nats.client';
import type { CommandTelemetry } from '@adapter/telemetry/command-telemetry';
import { AutomationRunner, automationReactions, type AutomationReactions } from './automation.runner';
import type { SliceHandlers } from '@libs/command/slice-handlers';

/** The reactions of every automation of `boards`, deciding through `handlers`: what the app runs, and what a re-drive of a dead letter runs again. */
export const boardReactions = (boards: readonly Board[], handlers: SliceHandlers, settings: BoardSettings, telemetry?: CommandTelemetry): AutomationReactions<never>[] =>
  boards.flatMap(({ slices }) => slices.filter(isAutomation)).map((slice) => automationReactions(slice, handlers.handler(slice), settings.of(slice.settings), telemetry));

/** The automations of the app's boards this process runs (every one unless told), each on its own durable consumer, made from the manifests. */
export class BoardAutomations {
  readonly all: readonly AutomationRunner[];

  constructor(boards: readonly Board[], nats: NatsClient, handlers: SliceHandlers, settings: BoardSettings, telemetry: CommandTelemetry, runs: (slice: AutomationSlice) => boolean = () => true) {
    this.all = boards
      .flatMap(({ slices }) => slices.filter(isAutomation))
      .filter(runs)
      .map((slice) => new AutomationRunner(nats, automationReactions(slice, handlers.handler(slice), settings.of(slice.settings), telemetry), slice));
  }
}
