import { Body, Controller, Put } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import type { CommandContext, CommandHandler } from '@libs/command/command-handler';
import { SliceHandlers } from '@libs/command/slice-handlers';
import { InvalidInput } from '@libs/errors/domain-error';
import type { ServiceEvent } from '@model/pager/pager.events';
import type { PolicyTarget } from '@model/pager/pager.fields';
import { pagerCommandSubject } from '@stream/pager.stream';
import { Caller } from '@adapter/edge/caller.decorator';
import type { CommandReply } from '@adapter/edge/command-reply';
import { satisfiedByReply } from '@adapter/edge/decision-reply';
import { InputPipe } from '@adapter/edge/input.pipe';
import { entityId } from '@adapter/edge/validators';
import { ApiCommand } from '@adapter/http/api-operations';
import type { Service } from '../service.state';
import type { SetEscalationPolicy } from './set-escalation-policy.decider';
import { SetEscalationPolicyInput, targetProblems } from './set-escalation-policy.input';
import { SET_ESCALATION_POLICY } from './set-escalation-policy.slice';

@Controller('mutation')
export class SetEscalationPolicyController {
  private readonly decide: CommandHandler<SetEscalationPolicy, Service, ServiceEvent>;

  constructor(slices: SliceHandlers) {
    this.decide = slices.handler(SET_ESCALATION_POLICY);
  }

  /** 201 with where the policy is stored; the same policy again answers where it already is. */
  @Put('set-escalation-policy')
  @MessagePattern(pagerCommandSubject('set-escalation-policy'))
  @ApiCommand('Set a service\'s escalation policy: its levels of targets (email or SMS), the acknowledgement timeout, and how often it repeats', [])
  async set(@Body(InputPipe) input: SetEscalationPolicyInput, @Caller() caller: CommandContext): Promise<CommandReply> {
    const problems = targetProblems(input);
    if (problems.length > 0) throw new InvalidInput(`invalid input: ${problems.map(({ field }) => field).join(', ')}`, problems);
    const { service, ackTimeoutSeconds, repeat = 0, levels } = input.data;
    const targets: PolicyTarget[] = levels.flatMap(({ targets: level }, index) =>
      level.map((target) => (target.email !== undefined ? { level: index + 1, kind: 'email' as const, address: target.email } : { level: index + 1, kind: 'sms' as const, address: target.sms ?? '' })),
    );
    const command: SetEscalationPolicy = { type: 'SetEscalationPolicy', data: { serviceId: entityId(service.id), ackTimeoutSeconds, repeat, levels: levels.length, targets } };
    const decision = await this.decide.handle(command, caller);
    const last = decision.state.last;
    if (!last) throw new Error(`service ${decision.subject} has no event after its policy was set`);
    return satisfiedByReply(201, decision, last);
  }
}
