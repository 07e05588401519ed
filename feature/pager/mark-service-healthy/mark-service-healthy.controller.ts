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
import { RuleViolation } from '@libs/errors/domain-error';
import { ServiceInput } from '../pager.input';
import type { Service } from '../service.state';
import type { MarkServiceHealthy } from './mark-service-healthy.decider';
import { MARK_SERVICE_HEALTHY } from './mark-service-healthy.slice';

/** Marking healthy a service the pager never heard of. */
export class ServiceUnknown extends RuleViolation {
  constructor(serviceId: string) {
    super('policy-must-exist', `service ${serviceId} has no escalation policy: set one first (PUT /mutation/set-escalation-policy)`, { serviceId });
  }
}

@Controller('mutation')
export class MarkServiceHealthyController {
  private readonly decide: CommandHandler<MarkServiceHealthy, Service, ServiceEvent>;

  constructor(slices: SliceHandlers) {
    this.decide = slices.handler(MARK_SERVICE_HEALTHY);
  }

  /** 201 with where the recovery is stored; a service healthy already answers where it last changed. */
  @Put('mark-service-healthy')
  @MessagePattern(pagerCommandSubject('mark-service-healthy'))
  @ApiCommand('Mark a service healthy: its incident ends, and so does its escalation', ['policy-must-exist'])
  async markHealthy(@Body(InputPipe) input: ServiceInput, @Caller() caller: CommandContext): Promise<CommandReply> {
    const serviceId = entityId(input.data.service.id);
    const decision = await this.decide.handle({ type: 'MarkServiceHealthy', data: { serviceId, at: new Date().toISOString() } }, caller);
    const last = decision.state.last;
    if (!last) throw new ServiceUnknown(serviceId);
    return satisfiedByReply(201, decision, last);
  }
}
