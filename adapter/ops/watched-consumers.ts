import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { AutomationRunner } from '@adapter/runtime/automation.runner';
import { ViewRunner } from '@adapter/runtime/view.runner';
import type { WatchedAutomation, WatchedView } from './consumer-figures';

/** The app's state views and automations, found among its providers, for readiness and metrics. */
@Injectable()
export class WatchedConsumers implements OnApplicationBootstrap {
  readonly views: WatchedView[] = [];
  readonly automations: WatchedAutomation[] = [];

  constructor(private readonly discovery: DiscoveryService) {}

  onApplicationBootstrap(): void {
    for (const { instance } of this.discovery.getProviders()) {
      if (instance instanceof ViewRunner) this.views.push(instance.projector);
      if (instance instanceof AutomationRunner) this.automations.push(instance.consumer);
    }
  }
}
