import { randomUUID } from 'node:crypto';
import { Body, Controller, Put } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import type { CommandContext, CommandHandler } from '@libs/command/command-handler';
import { SliceHandlers } from '@libs/command/slice-handlers';
import type { ClientOperation } from '@model/notification/notification.events';
import { notificationCommandSubject } from '@stream/notification.stream';
import { Caller } from '@adapter/edge/caller.decorator';
import { CommandReply } from '@adapter/edge/command-reply';
import { InputPipe } from '@adapter/edge/input.pipe';
import { entityId } from '@adapter/edge/validators';
import { ApiCommand, ENTITY_TOKEN_SCHEMA } from '@adapter/http/api-operations';
import { RECIPIENT_CONTACT, type RecipientContact } from './recipient-contact.read';
import type { NotificationRequest, SendNotification } from './send-notification.decider';
import { SendNotificationInput } from './send-notification.input';
import { SEND_NOTIFICATION } from './send-notification.slice';

@Controller('mutation')
export class SendNotificationController {
  private readonly decide: CommandHandler<SendNotification, NotificationRequest, ClientOperation>;
  private readonly contact: (recipientId: string) => Promise<RecipientContact>;

  constructor(slices: SliceHandlers) {
    this.decide = slices.handler(SEND_NOTIFICATION);
    this.contact = slices.read(RECIPIENT_CONTACT);
  }

  /**
   * 202 with the tracking id: the request is queued on the client operation stream, and its progress is at
   * `GET /query/notification/<trackingId>`. The same notification id again answers the same tracking id.
   */
  @Put('send-notification')
  @MessagePattern(notificationCommandSubject('send-notification'))
  @ApiCommand('Send a notification to a recipient on the channels they chose; answers the tracking id', ['recipient-must-exist', 'notification-id-taken'], {
    description: 'Queued on the client operation stream; follow it at GET /query/notification/{trackingId}. The same notification id again answers the same.',
    schema: { type: 'object', required: ['trackingId'], properties: { trackingId: ENTITY_TOKEN_SCHEMA } },
  })
  async send(@Body(InputPipe) input: SendNotificationInput, @Caller() caller: CommandContext): Promise<CommandReply> {
    const { notification, recipient, subject, body } = input.data;
    const notificationId = notification ? entityId(notification.id) : randomUUID();
    const recipientId = entityId(recipient.id);
    const command: SendNotification = {
      type: 'SendNotification',
      data: { notificationId, recipientId, subject, body, requestedAt: new Date().toISOString(), recipient: await this.contact(recipientId) },
    };
    await this.decide.handle(command, caller);
    return new CommandReply(202, { trackingId: notificationId });
  }
}
