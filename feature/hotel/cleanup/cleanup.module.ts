import { Module } from '@nestjs/common';
import { CleanupHandler } from './cleanup.handler';
import { CleanupHttp } from './cleanup.http';
import { CleanupNats } from './cleanup.nats';

@Module({ controllers: [CleanupHttp], providers: [CleanupHandler, CleanupNats] })
export class CleanupModule {}
