import { Controller, Get, Query } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import { isEmail } from 'class-validator';
import { InvalidInput, NotFound } from '@libs/errors/domain-error';
import type { EmailEvent } from '@model/notification/notification.events';
import { ApiDocumentQuery, type SchemaObject } from '@adapter/http/api-operations';
import { BoardViews } from '@adapter/runtime/board-views';
import type { ViewRunner } from '@adapter/runtime/view.runner';
import { addressKey, EMAILS_KEPT, normalAddress, type SentEmailsDocument } from './sent-emails.projection';
import { SENT_EMAILS } from './sent-emails.slice';

const SENT_EMAILS_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['to', 'emails'],
  properties: {
    to: { type: 'string', format: 'email' },
    emails: {
      type: 'array',
      maxItems: EMAILS_KEPT,
      items: {
        type: 'object',
        required: ['trackingId', 'operationId', 'purpose', 'subject', 'sentAt'],
        properties: {
          trackingId: { type: 'string' },
          operationId: { type: 'string', format: 'uuid' },
          purpose: { type: 'string', enum: ['recipient', 'internal-team'] },
          subject: { type: 'string' },
          sentAt: { type: 'string', format: 'date-time' },
        },
      },
    },
  },
};

@Controller('query')
export class SentEmailsController {
  private readonly view: ViewRunner<EmailEvent, SentEmailsDocument>;

  constructor(views: BoardViews) {
    this.view = views.of(SENT_EMAILS);
  }

  /** The emails sent to an address, oldest first (the newest 1,000); none is an empty list, not an error. */
  @Get('sent-emails')
  @ApiDocumentQuery('The emails sent to an address: tracking id, subject and time of each (the audit of what was sent to whom)', SENT_EMAILS_SCHEMA, {}, [400])
  @ApiQuery({ name: 'to', required: true, schema: { type: 'string', format: 'email' } })
  async sentEmails(@Query('to') to?: string): Promise<SentEmailsDocument> {
    if (typeof to !== 'string' || to.length > 254 || !isEmail(to, { require_tld: false })) {
      throw new InvalidInput('invalid query: to', [{ field: 'to', messages: ['to must be an email address'] }]);
    }
    try {
      return (await this.view.query(addressKey(to), `no email was sent to ${to}`)).view;
    } catch (error) {
      if (!(error instanceof NotFound)) throw error;
      return { to: normalAddress(to), emails: [] };
    }
  }
}
