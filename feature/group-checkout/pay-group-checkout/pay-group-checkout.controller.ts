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
import type { PayGroupCheckout } from './pay-group-checkout.decider';
import { PayGroupCheckoutInput } from './pay-group-checkout.input';
import { PAY_GROUP_CHECKOUT } from './pay-group-checkout.slice';

@Controller('mutation')
export class PayGroupCheckoutController {
  private readonly decide: CommandHandler<PayGroupCheckout, GroupCheckout, GroupEvent>;

  constructor(slices: SliceHandlers) {
    this.decide = slices.handler(PAY_GROUP_CHECKOUT);
  }

  /** 201 with where the payment is stored; the same answer again for a retry with the same payment id and amount. */
  @Put('pay-group-checkout')
  @MessagePattern(groupCheckoutCommandSubject('pay-group-checkout'))
  @ApiCommand('Pay towards a group checkout: an amount in cents off the group\'s bill, once per payment id', ['payment-id-reused', 'already-confirmed'])
  async payGroupCheckout(@Body(InputPipe) input: PayGroupCheckoutInput, @Caller() caller: CommandContext): Promise<CommandReply> {
    const paymentId = entityId(input.data.payment.id);
    const command: PayGroupCheckout = { type: 'PayGroupCheckout', data: { groupId: entityId(input.data.group.id), paymentId, amount: input.data.amount } };
    const decision = await this.decide.handle(command, caller);
    const payment = decision.state.payments.get(paymentId);
    if (!payment) throw new Error(`${decision.subject} has no payment ${paymentId} after it was paid`);
    return satisfiedByReply(201, decision, payment);
  }
}
