import { Module } from '@nestjs/common';
import { LiveViewGateway } from './live-view.gateway';
import { LiveViews } from './live-views';

/** Live views over websockets: `/live`. */
@Module({ providers: [LiveViews, LiveViewGateway] })
export class LiveModule {}
