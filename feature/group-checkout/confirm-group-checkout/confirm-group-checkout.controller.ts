import { Body, Controller, Put } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import type { CommandContext, CommandHandler } from '@libs/command/command-handler';
import type { GroupEvent } from '@model/group-checkout/group-checkout.events';
import { groupCheckoutCommandSubject } from '@stream/group-checkout.stream';
import { Caller } from '@adapter/edge/caller.decorator';
import type { CommandReply } from '@adapter/edge/command-reply';
import { satisfiedByReply } from '@adapter/edge/decision-reply';
import { InputPipe } from '@adapter/edge/input.pipe';
import { entityId } from '@adapter/edge/validators';
import { ApiCommand } from '@adapter/http/api-operations';
import { SliceHandlers } from '@libs/command/slice-handlers';
import type { GroupCheckout } from '../group-checkout.state';
import type { ConfirmGroupCheckout } from './confirm-group-checkout.decider';
import { ConfirmGroupCheckoutInput } from './confirm-group-checkout.input';
import { CONFIRM_GROUP_CHECKOUT } from './confirm-group-checkout.slice';

@Controller('mutation')
export class ConfirmGroupCheckoutController {
  private readonly decide: CommandHandler<ConfirmGroupCheckout, GroupCheckout, GroupEvent>;

  constructor(slices: SliceHandlers) {
    this.decide = slices.handler(CONFIRM_GROUP_CHECKOUT);
  }

  /** 201 with where the confirmation is stored, the same again for a repeat; 409 while stays are pending, with the balance while one is left, or when no stay was ever selected. */
  @Put('confirm-group-checkout')
  @MessagePattern(groupCheckoutCommandSubject('confirm-group-checkout'))
  @ApiCommand('Confirm a group checkout: every selected stay merged or failed, and the group\'s balance 0', ['merges-in-progress', 'balance-outstanding', 'no-stays-selected'])
  async confirmGroupCheckout(@Body(InputPipe) input: ConfirmGroupCheckoutInput, @Caller() caller: CommandContext): Promise<CommandReply> {
    const command: ConfirmGroupCheckout = { type: 'ConfirmGroupCheckout', data: { groupId: entityId(input.data.group.id) } };
    const decision = await this.decide.handle(command, caller);
    const confirmation = decision.state.confirmed;
    if (!confirmation) throw new Error(`${decision.subject} is not confirmed after its confirmation`);
    return satisfiedByReply(201, decision, confirmation);
  }
}
