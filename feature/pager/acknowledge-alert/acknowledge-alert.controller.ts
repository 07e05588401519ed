import { Body, Controller, Put } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import type { CommandContext, CommandHandler } from '@libs/command/command-handler';
import { SliceHandlers } from '@libs/command/slice-handlers';
import type { ServiceEvent } from '@model/pager/pager.events';
import { pagerCommandSubject } from '@stream/pager.stream';
import { Caller } from '@adapter/edge/caller.decorator';
import type { CommandReply } from '@adapter/edge/command-reply';
import { satisfiedByReply } from '@adapter/edge/decision-reply';
import { InputPipe } from '@adapter/edge/input.pipe';
import { entityId } from '@adapter/edge/validators';
import { ApiCommand } from '@adapter/http/api-operations';
import { ServiceInput } from '../pager.input';
import type { Service } from '../service.state';
import type { AcknowledgeAlert } from './acknowledge-alert.decider';
import { ACKNOWLEDGE_ALERT } from './acknowledge-alert.slice';

@Controller('mutation')
export class AcknowledgeAlertController {
  private readonly decide: CommandHandler<AcknowledgeAlert, Service, ServiceEvent>;

  constructor(slices: SliceHandlers) {
    this.decide = slices.handler(ACKNOWLEDGE_ALERT);
  }

  /** 201 with where the acknowledgement is stored; acknowledging again answers the same. */
  @Put('acknowledge-alert')
  @MessagePattern(pagerCommandSubject('acknowledge-alert'))
  @ApiCommand('Acknowledge a service\'s open incident: its escalation stops', ['no-open-incident'])
  async acknowledge(@Body(InputPipe) input: ServiceInput, @Caller() caller: CommandContext): Promise<CommandReply> {
    const command: AcknowledgeAlert = { type: 'AcknowledgeAlert', data: { serviceId: entityId(input.data.service.id), at: new Date().toISOString() } };
    const decision = await this.decide.handle(command, caller);
    const acknowledgement = decision.state.incident?.acknowledgement;
    if (!acknowledgement) throw new Error(`service ${decision.subject} has no acknowledged incident after its acknowledgement`);
    return satisfiedByReply(201, decision, acknowledgement);
  }
}
