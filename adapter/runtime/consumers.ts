import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from './app-config.token';
import type { AppConfig } from './app.config';

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

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** `RUN_VIEW_PROJECTORS`: instances without it serve commands and queries while others project. */
  get projectsViews(): boolean {
    return this.config.runViewProjectors;
  }

  /** `RUN_AUTOMATIONS`: instances without it leave the automations to others. */
  get runsAutomations(): boolean {
    return this.config.runAutomations;
  }

  track(consumer: Stoppable): void {
    this.running.add(consumer);
  }

  async stopAll(): Promise<void> {
    const stopping = [...this.running];
    this.running.clear();
    await Promise.all(stopping.map((consumer) => consumer.stop()));
  }
}
