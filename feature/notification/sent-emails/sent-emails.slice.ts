import type { StateViewSlice } from '@libs/event-model/board';
import type { EmailEvent } from '@model/notification/notification.events';
import { EMAIL_STREAM, emailSubjectFilter } from '@stream/notification.stream';
import { sentEmails, type SentEmailsDocument } from './sent-emails.projection';

/** Every email sent, by address, for an audit. */
export const SENT_EMAILS: StateViewSlice<EmailEvent, SentEmailsDocument> = {
  kind: 'state-view',
  name: 'sent-emails',
  title: 'The emails sent to an address',
  view: { name: 'sent-emails', fields: ['to', 'emails'] },
  stream: EMAIL_STREAM,
  subjects: emailSubjectFilter(),
  events: ['EmailSent'],
  queries: [{ kind: 'http', method: 'GET', path: '/query/sent-emails' }],
  shownTo: ['Auditor'],
  projection: sentEmails,
  rules: [
    'an email sent is listed under its address, with its tracking id, subject and time',
    'addresses are compared without case',
    'an email is listed once',
    'failed emails are not listed',
    'the newest 1,000 are kept per address',
  ],
};
