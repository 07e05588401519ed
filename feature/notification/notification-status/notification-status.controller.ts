import { Controller, Get, Param } from '@nestjs/common';
import { SliceHandlers } from '@libs/command/slice-handlers';
import { NotFound } from '@libs/errors/domain-error';
import type { NotificationEvent } from '@model/notification/notification.events';
import { CHANNELS } from '@model/notification/notification.fields';
import { QueryParams } from '@adapter/edge/query-params';
import { ApiDocumentQuery, ENTITY_TOKEN_SCHEMA, type SchemaObject } from '@adapter/http/api-operations';
import { BoardViews } from '@adapter/runtime/board-views';
import type { ViewRunner } from '@adapter/runtime/view.runner';
import { NOTIFICATION_REQUESTED } from './notification-request.read';
import type { NotificationStatusDocument } from './notification-status.projection';
import { NOTIFICATION_STATUS } from './notification-status.slice';

const STATUS_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['trackingId', 'recipientId', 'status', 'channels', 'internalTeamNotified'],
  properties: {
    trackingId: ENTITY_TOKEN_SCHEMA,
    recipientId: ENTITY_TOKEN_SCHEMA,
    status: { type: 'string', enum: ['requested', 'sending', 'sent-on-all', 'sent-on-some', 'failed', 'opted-out'] },
    channels: {
      type: 'array',
      items: {
        type: 'object',
        required: ['channel', 'status', 'attempts', 'lastError'],
        properties: {
          channel: { type: 'string', enum: [...CHANNELS] },
          status: { type: 'string', enum: ['sending', 'sent', 'failed'] },
          attempts: { type: 'integer', minimum: 0 },
          lastError: { type: 'string', nullable: true },
        },
      },
    },
    internalTeamNotified: { type: 'boolean' },
  },
};

/** A notification's tracker: `requested` until the subsystem took it on, then as the view has it. */
export type NotificationTracking = Omit<NotificationStatusDocument, 'status'> & { readonly status: NotificationStatusDocument['status'] | 'requested' };

@Controller('query')
export class NotificationStatusController {
  private readonly view: ViewRunner<NotificationEvent, NotificationStatusDocument>;
  private readonly requested: (notificationId: string) => Promise<string | undefined>;

  constructor(views: BoardViews, slices: SliceHandlers) {
    this.view = views.of(NOTIFICATION_STATUS);
    this.requested = slices.read(NOTIFICATION_REQUESTED);
  }

  /** Where a notification stands, by the tracking id `send-notification` answered. */
  @Get('notification/:trackingId')
  @ApiDocumentQuery(
    'Where a notification stands: requested, sending, sent on all its channels, on some, on none (failed), or opted out; each channel with its attempts and last error',
    STATUS_SCHEMA,
    { trackingId: ENTITY_TOKEN_SCHEMA },
    [400, 404],
  )
  async notification(@Param('trackingId') trackingId: string): Promise<NotificationTracking> {
    const params = new QueryParams();
    const id = params.entityId('trackingId', trackingId);
    params.check();
    const missing = `there is no notification ${id}`;
    try {
      return (await this.view.query(id, missing)).view;
    } catch (error) {
      if (!(error instanceof NotFound)) throw error;
      const recipientId = await this.requested(id);
      if (recipientId === undefined) throw error;
      return { trackingId: id, recipientId, status: 'requested', channels: [], internalTeamNotified: false };
    }
  }
}
