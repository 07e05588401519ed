import { Body, Controller, Put } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import type { CommandContext, CommandHandler } from '@libs/command/command-handler';
import { SliceHandlers } from '@libs/command/slice-handlers';
import { InvalidInput } from '@libs/errors/domain-error';
import type { RecipientEvent } from '@model/notification/notification.events';
import { notificationCommandSubject } from '@stream/notification.stream';
import { Caller } from '@adapter/edge/caller.decorator';
import type { CommandReply } from '@adapter/edge/command-reply';
import { satisfiedByReply } from '@adapter/edge/decision-reply';
import { InputPipe } from '@adapter/edge/input.pipe';
import { entityId } from '@adapter/edge/validators';
import { ApiCommand } from '@adapter/http/api-operations';
import type { Recipient, RegisterRecipient } from './register-recipient.decider';
import { missingAddresses, RegisterRecipientInput } from './register-recipient.input';
import { REGISTER_RECIPIENT } from './register-recipient.slice';

@Controller('mutation')
export class RegisterRecipientController {
  private readonly decide: CommandHandler<RegisterRecipient, Recipient, RecipientEvent>;

  constructor(slices: SliceHandlers) {
    this.decide = slices.handler(REGISTER_RECIPIENT);
  }

  /** 201 with where the registration is stored; the same registration again answers the same. */
  @Put('register-recipient')
  @MessagePattern(notificationCommandSubject('register-recipient'))
  @ApiCommand('Register a recipient: the channels they want notifications on and where each reaches them', [])
  async register(@Body(InputPipe) input: RegisterRecipientInput, @Caller() caller: CommandContext): Promise<CommandReply> {
    const problems = missingAddresses(input);
    if (problems.length > 0) throw new InvalidInput(`invalid input: ${problems.map(({ field }) => field).join(', ')}`, problems);
    const { recipient, email = '', slackChannel = '', channels } = input.data;
    const command: RegisterRecipient = {
      type: 'RegisterRecipient',
      data: { recipientId: entityId(recipient.id), email, slackChannel, channels: [...channels].sort() },
    };
    const decision = await this.decide.handle(command, caller);
    const { registered } = decision.state;
    if (!registered) throw new Error(`recipient ${decision.subject} is not registered after it was registered`);
    return satisfiedByReply(201, decision, registered);
  }
}
