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
import type { ChargeGuestStay } from './charge-guest-stay.decider';
import { ChargeGuestStayInput } from './charge-guest-stay.input';
import { CHARGE_GUEST_STAY } from './charge-guest-stay.slice';

@Controller('mutation')
export class ChargeGuestStayController {
  private readonly decide: CommandHandler<ChargeGuestStay, GuestStay, StayEvent>;

  constructor(slices: SliceHandlers) {
    this.decide = slices.handler(CHARGE_GUEST_STAY);
  }

  /** 201 with where the charge is stored; the same answer again for a retry with the same charge id and amount. */
  @Put('charge-guest-stay')
  @MessagePattern(groupCheckoutCommandSubject('charge-guest-stay'))
  @ApiCommand('Charge a guest stay: an amount in cents on the guest\'s bill, once per charge id', ['charge-id-reused', 'stay-closed'])
  async chargeGuestStay(@Body(InputPipe) input: ChargeGuestStayInput, @Caller() caller: CommandContext): Promise<CommandReply> {
    const chargeId = entityId(input.data.charge.id);
    const command: ChargeGuestStay = { type: 'ChargeGuestStay', data: { stayId: entityId(input.data.stay.id), chargeId, amount: input.data.amount } };
    const decision = await this.decide.handle(command, caller);
    const charge = decision.state.charges.get(chargeId);
    if (!charge) throw new Error(`${decision.subject} has no charge ${chargeId} after it was charged`);
    return satisfiedByReply(201, decision, charge);
  }
}
