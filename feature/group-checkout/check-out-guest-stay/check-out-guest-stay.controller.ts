import { Body, Controller, Put } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import type { CommandContext, CommandHandler } from '@libs/command/command-handler';
import type { StayEvent } from '@model/group-checkout/group-checkout.events';
import { groupCheckoutCommandSubject } from '@stream/group-checkout.stream';
import { Caller } from '@adapter/edge/caller.decorator';
import type { CommandReply } from '@adapter/edge/command-reply';
import { storedEventsReply } from '@adapter/edge/decision-reply';
import { InputPipe } from '@adapter/edge/input.pipe';
import { entityId } from '@adapter/edge/validators';
import { ApiCommand } from '@adapter/http/api-operations';
import { SliceHandlers } from '@libs/command/slice-handlers';
import type { GuestStay } from '../guest-stay.state';
import type { CheckOutGuestStay } from './check-out-guest-stay.decider';
import { CheckOutGuestStayInput } from './check-out-guest-stay.input';
import { CHECK_OUT_GUEST_STAY } from './check-out-guest-stay.slice';

@Controller('mutation')
export class CheckOutGuestStayController {
  private readonly decide: CommandHandler<CheckOutGuestStay, GuestStay, StayEvent>;

  constructor(slices: SliceHandlers) {
    this.decide = slices.handler(CHECK_OUT_GUEST_STAY);
  }

  /** 201 once the stay is closed; 409 with the balance while one is left, when already closed, or for a stay that does not exist. */
  @Put('check-out-guest-stay')
  @MessagePattern(groupCheckoutCommandSubject('check-out-guest-stay'))
  @ApiCommand('Check a guest out on their own: the stay\'s balance must be 0', ['balance-outstanding', 'already-checked-out', 'stay-not-found'])
  async checkOutGuestStay(@Body(InputPipe) input: CheckOutGuestStayInput, @Caller() caller: CommandContext): Promise<CommandReply> {
    const command: CheckOutGuestStay = { type: 'CheckOutGuestStay', data: { stayId: entityId(input.data.stay.id) } };
    return storedEventsReply(201, await this.decide.handle(command, caller));
  }
}
