import { Injectable } from '@nestjs/common';

interface Stoppable {
  stop(): Promise<void>;
}

/**
 * The projections and automations running in this app. They are stopped together at shutdown,
 * each finishing its pull request, before the NATS connection closes.
 */
@Injectable()
export class Consumers {
  private readonly running = new Set<Stoppable>();

  track(consumer: Stoppable): void {
    this.running.add(consumer);
  }

  async stopAll(): Promise<void> {
    const stopping = [...this.running];
    this.running.clear();
    await Promise.all(stopping.map((consumer) => consumer.stop()));
  }
}
