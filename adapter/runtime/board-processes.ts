import { processesOf, type Board, type ProcessSlice } from '@libs/event-model/board';
import type { SliceHandlers } from '@libs/command/slice-handlers';
import type { DurableConsumer } from '@adapter/consumer/durable-consumer';
import type { NatsClient } from '@adapter/nats/nats.client';
import type { CommandTelemetry } from '@adapter/telemetry/command-telemetry';
import { ProcessRunner } from './process.runner';

/** The processes of the app's boards this process runs (every one unless told), each on its own durable consumer, made from the manifests. */
export class BoardProcesses {
  readonly all: readonly ProcessRunner[];

  constructor(boards: readonly Board[], nats: NatsClient, handlers: SliceHandlers, telemetry: CommandTelemetry, replicas: number, runs: (slice: ProcessSlice) => boolean = () => true) {
    this.all = processesOf(boards).filter(runs).map((slice) => new ProcessRunner(nats, slice, handlers, telemetry, replicas));
  }

  /** Their durable consumers, for readiness and metrics. */
  get consumers(): readonly DurableConsumer<never>[] {
    return this.all.map(({ consumer }) => consumer as DurableConsumer<never>);
  }
}
