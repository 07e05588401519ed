import { Body, Controller, Put } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import type { CommandContext, CommandHandler } from '@libs/command/command-handler';
import type { StayEvent } from '@model/group-checkout/group-checkout.events';
import { groupCheckoutCommandSubject } from '@stream/group-checkout.stream';
import { Caller } from '@adapter/edge/caller.decorator';
import type { CommandReply } from '@adapter/edge/command-reply';
import { satisfiedByReply } from '@adapter/edge/decision-reply';
import { InputPipe } from '@adapter/edge/input.pipe';
import { entityId } from '@adapter/edge/validators';
import { ApiCommand } from '@adapter/http/api-operations';
import { SliceHandlers } from '@libs/command/slice-handlers';
import type { GuestStay } from '../guest-stay.state';
import type { PayGuestStay } from './pay-guest-stay.decider';
import { PayGuestStayInput } from './pay-guest-stay.input';
import { PAY_GUEST_STAY } from './pay-guest-stay.slice';

@Controller('mutation')
export class PayGuestStayController {
  private readonly decide: CommandHandler<PayGuestStay, GuestStay, StayEvent>;

  constructor(slices: SliceHandlers) {
    this.decide = slices.handler(PAY_GUEST_STAY);
  }

  /** 201 with where the payment is stored; the same answer again for a retry with the same payment id and amount. */
  @Put('pay-guest-stay')
  @MessagePattern(groupCheckoutCommandSubject('pay-guest-stay'))
  @ApiCommand('Pay towards a guest stay: an amount in cents off the guest\'s bill, once per payment id', ['payment-id-reused', 'stay-closed'])
  async payGuestStay(@Body(InputPipe) input: PayGuestStayInput, @Caller() caller: CommandContext): Promise<CommandReply> {
    const paymentId = entityId(input.data.payment.id);
    const command: PayGuestStay = { type: 'PayGuestStay', data: { stayId: entityId(input.data.stay.id), paymentId, amount: input.data.amount } };
    const decision = await this.decide.handle(command, caller);
    const payment = decision.state.payments.get(paymentId);
    if (!payment) throw new Error(`${decision.subject} has no payment ${paymentId} after it was paid`);
    return satisfiedByReply(201, decision, payment);
  }
}
