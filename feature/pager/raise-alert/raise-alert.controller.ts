import { Body, Controller, Put } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import type { CommandContext, CommandHandler } from '@libs/command/command-handler';
import { SliceHandlers } from '@libs/command/slice-handlers';
import type { ServiceEvent } from '@model/pager/pager.events';
import { pagerCommandSubject } from '@stream/pager.stream';
import { Caller } from '@adapter/edge/caller.decorator';
import type { CommandReply } from '@adapter/edge/command-reply';
import { storedEventsReply } from '@adapter/edge/decision-reply';
import { InputPipe } from '@adapter/edge/input.pipe';
import { entityId } from '@adapter/edge/validators';
import { ApiCommand } from '@adapter/http/api-operations';
import type { Service } from '../service.state';
import type { RaiseAlert } from './raise-alert.decider';
import { RaiseAlertInput } from './raise-alert.input';
import { RAISE_ALERT } from './raise-alert.slice';

@Controller('mutation')
export class RaiseAlertController {
  private readonly decide: CommandHandler<RaiseAlert, Service, ServiceEvent>;

  constructor(slices: SliceHandlers) {
    this.decide = slices.handler(RAISE_ALERT);
  }

  /** 201 with what the alert stored: an incident opened and its level 1 notified, or the alert recorded on the open incident. */
  @Put('raise-alert')
  @MessagePattern(pagerCommandSubject('raise-alert'))
  @ApiCommand('Raise an alert for a service: a healthy one becomes unhealthy and its first level is notified; an unhealthy one records it', ['policy-must-exist'])
  async raise(@Body(InputPipe) input: RaiseAlertInput, @Caller() caller: CommandContext): Promise<CommandReply> {
    const command: RaiseAlert = { type: 'RaiseAlert', data: { serviceId: entityId(input.data.service.id), message: input.data.message, at: new Date().toISOString() } };
    return storedEventsReply(201, await this.decide.handle(command, caller));
  }
}
