import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiView, ENTITY_TOKEN_SCHEMA, viewAnswerSchema, type SchemaObject } from '@adapter/http/api-operations';
import { QueryParams } from '@adapter/edge/query-params';
import { BoardViews } from '@adapter/runtime/board-views';
import type { ViewAnswer, ViewRunner } from '@adapter/runtime/view.runner';
import type { GroupCheckoutEvent } from '@model/group-checkout/group-checkout.events';
import type { GuestStayView } from './guest-stay.projection';
import { GUEST_STAY_VIEW } from './guest-stay.slice';

/** The OpenAPI schema of a `GuestStayView` document. */
const STAY: SchemaObject = {
  type: 'object',
  required: ['stayId', 'balance', 'status'],
  properties: {
    stayId: ENTITY_TOKEN_SCHEMA,
    balance: { type: 'integer', description: 'Charges less payments, in cents; below 0 when the guest paid ahead', example: 1250 },
    status: { type: 'string', enum: ['active', 'checked-out', 'transferred'] },
    groupId: { ...ENTITY_TOKEN_SCHEMA, description: 'The group that took the stay over; only when transferred' },
  },
};

@Controller('query')
export class GuestStayController {
  private readonly view: ViewRunner<GroupCheckoutEvent, GuestStayView>;

  constructor(views: BoardViews) {
    this.view = views.of(GUEST_STAY_VIEW);
  }

  /** A guest stay's balance and status; `?sequence=N` waits until the view includes stream sequence N. */
  @Get('guest-stay/:stayId')
  @ApiView('A guest stay: its balance and whether it is open, checked out or taken over by a group', viewAnswerSchema(STAY), { stayId: ENTITY_TOKEN_SCHEMA })
  async guestStay(@Param('stayId') stayId: string, @Query('sequence') sequence?: string): Promise<ViewAnswer<GuestStayView>> {
    const params = new QueryParams();
    const query = { stayId: params.entityId('stayId', stayId), sequence: params.sequence(sequence) };
    params.check();
    return this.view.query(query.stayId, `there is no guest stay ${query.stayId}`, query.sequence);
  }
}
