import { Body, Controller, Put } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import type { CommandContext, CommandHandler } from '@libs/command/command-handler';
import type { GroupEvent } from '@model/group-checkout/group-checkout.events';
import { groupCheckoutCommandSubject } from '@stream/group-checkout.stream';
import { Caller } from '@adapter/edge/caller.decorator';
import type { CommandReply } from '@adapter/edge/command-reply';
import { satisfiedByReply, storedEventsReply } from '@adapter/edge/decision-reply';
import { InputPipe } from '@adapter/edge/input.pipe';
import { entityId } from '@adapter/edge/validators';
import { ApiCommand } from '@adapter/http/api-operations';
import { SliceHandlers } from '@libs/command/slice-handlers';
import type { GroupCheckout } from '../group-checkout.state';
import { selectedBy, type SelectGroupCheckoutStays } from './select-group-checkout-stays.decider';
import { SelectGroupCheckoutStaysInput } from './select-group-checkout-stays.input';
import { SELECT_GROUP_CHECKOUT_STAYS } from './select-group-checkout-stays.slice';

@Controller('mutation')
export class SelectGroupCheckoutStaysController {
  private readonly decide: CommandHandler<SelectGroupCheckoutStays, GroupCheckout, GroupEvent>;

  constructor(slices: SliceHandlers) {
    this.decide = slices.handler(SELECT_GROUP_CHECKOUT_STAYS);
  }

  /** 201 with where the new selection is stored; a selection that adds no stay answers with the event that listed the last of them. */
  @Put('select-group-checkout-stays')
  @MessagePattern(groupCheckoutCommandSubject('select-group-checkout-stays'))
  @ApiCommand('Select stays for a group checkout: the group takes each over with its balance, or records why it could not', ['already-confirmed'])
  async selectGroupCheckoutStays(@Body(InputPipe) input: SelectGroupCheckoutStaysInput, @Caller() caller: CommandContext): Promise<CommandReply> {
    const stayIds = input.data.stays.map(({ id }) => entityId(id));
    const command: SelectGroupCheckoutStays = { type: 'SelectGroupCheckoutStays', data: { groupId: entityId(input.data.group.id), stayIds } };
    const decision = await this.decide.handle(command, caller);
    if (decision.events.length > 0) return storedEventsReply(201, decision);
    const selection = selectedBy(decision.state, stayIds);
    if (!selection) throw new Error(`${decision.subject} lists none of the stays after they were selected`);
    return satisfiedByReply(201, decision, selection);
  }
}
