import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiView, ENTITY_TOKEN_SCHEMA, viewAnswerSchema, type SchemaObject } from '@adapter/http/api-operations';
import { QueryParams } from '@adapter/edge/query-params';
import { BoardViews } from '@adapter/runtime/board-views';
import type { ViewAnswer, ViewRunner } from '@adapter/runtime/view.runner';
import type { GroupCheckoutEvent } from '@model/group-checkout/group-checkout.events';
import type { GroupCheckoutView } from './group-checkout.projection';
import { GROUP_CHECKOUT_VIEW } from './group-checkout.slice';

const CENTS: SchemaObject = { type: 'integer', description: 'Cents', example: 1250 };

/** The OpenAPI schema of a `GroupCheckoutView` document. */
const GROUP: SchemaObject = {
  type: 'object',
  required: ['groupId', 'pending', 'merged', 'failed', 'balance', 'paid', 'status'],
  properties: {
    groupId: ENTITY_TOKEN_SCHEMA,
    pending: { type: 'array', description: 'Stays still to be taken over, in selection order', items: ENTITY_TOKEN_SCHEMA },
    merged: {
      type: 'array',
      description: 'Stays taken over, with the balance each had then',
      items: { type: 'object', required: ['stayId', 'residual'], properties: { stayId: ENTITY_TOKEN_SCHEMA, residual: CENTS } },
    },
    failed: {
      type: 'array',
      description: 'Stays that could not be taken over, with the rule each refused with',
      items: { type: 'object', required: ['stayId', 'reason'], properties: { stayId: ENTITY_TOKEN_SCHEMA, reason: { type: 'string', example: 'already-checked-out' } } },
    },
    balance: { ...CENTS, description: 'The merged residuals less what was paid, in cents' },
    paid: { ...CENTS, description: 'The group\'s payments added up, in cents' },
    status: { type: 'string', enum: ['merging', 'ready', 'confirmed'] },
  },
};

@Controller('query')
export class GroupCheckoutController {
  private readonly view: ViewRunner<GroupCheckoutEvent, GroupCheckoutView>;

  constructor(views: BoardViews) {
    this.view = views.of(GROUP_CHECKOUT_VIEW);
  }

  /** A group checkout's list, balance and status; `?sequence=N` waits until the view includes stream sequence N. */
  @Get('group-checkout/:groupId')
  @ApiView('A group checkout: its stays pending, merged and failed, its balance and its status', viewAnswerSchema(GROUP), { groupId: ENTITY_TOKEN_SCHEMA })
  async groupCheckout(@Param('groupId') groupId: string, @Query('sequence') sequence?: string): Promise<ViewAnswer<GroupCheckoutView>> {
    const params = new QueryParams();
    const query = { groupId: params.entityId('groupId', groupId), sequence: params.sequence(sequence) };
    params.check();
    return this.view.query(query.groupId, `there is no group checkout ${query.groupId}`, query.sequence);
  }
}
