import { Module } from '@nestjs/common';
import { CheckinHandler } from './checkin.handler';
import { CheckinHttp } from './checkin.http';
import { CheckinNats } from './checkin.nats';

@Module({ controllers: [CheckinHttp], providers: [CheckinHandler, CheckinNats] })
export class CheckinModule {}
