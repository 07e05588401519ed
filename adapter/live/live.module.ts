import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { LiveViewGateway } from './live-view.gateway';
import { LiveViews } from './live-views';

/** Live views over websockets: `/live`. */
@Module({ imports: [DiscoveryModule], providers: [LiveViews, LiveViewGateway] })
export class LiveModule {}
