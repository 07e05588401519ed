import { ProjectionSpecification, recorded } from '@libs/testing/given-when-then';
import type { EmailEvent } from '@model/notification/notification.events';
import { addressKey, EMAILS_KEPT, sentEmails, type SentEmailsDocument } from './sent-emails.projection';

const sent = (operationId: string, to = 'ada@example.com', subject = 'Your booking'): EmailEvent => ({
  type: 'EmailSent',
  data: { operationId, notificationId: `n-${operationId}`, purpose: 'recipient', to, subject, attempts: 1 },
});
const spec = ProjectionSpecification.for(sentEmails);
const KEY = addressKey('ada@example.com');

describe('the emails sent to an address', () => {
  it('an email sent is listed under its address, with its tracking id, subject and time', () => {
    expect(KEY).toBe('ada=40example=2ecom');
    spec.given([sent('1')]).then({
      [KEY]: { to: 'ada@example.com', emails: [{ trackingId: 'n-1', operationId: '1', purpose: 'recipient', subject: 'Your booking', sentAt: recorded([null])[0]!.metadata.time }] },
    });
  });

  it('addresses are compared without case', () => {
    expect(addressKey('Ada@Example.COM')).toBe(KEY);
    expect(addressKey('a.b+c@ex.org')).toBe('a=2eb=2bc=40ex=2eorg');
  });

  it('an email is listed once', () => {
    const documents = [sent('1'), sent('1')].map((event) => recorded([event])[0]!);
    const once = documents.reduce<SentEmailsDocument | null>((document, event) => sentEmails.evolve(document, event), null);
    expect(once?.emails).toHaveLength(1);
  });

  it('failed emails are not listed', () =>
    expect(sentEmails.keyOf({ type: 'EmailFailed', data: { ...sent('1').data, reason: 'refused' } })).toBeUndefined());

  it('the newest 1,000 are kept per address', () => {
    let document: SentEmailsDocument | null = null;
    for (let index = 0; index < EMAILS_KEPT + 5; index++) document = sentEmails.evolve(document, recorded([sent(String(index))])[0]!);
    expect(document?.emails).toHaveLength(EMAILS_KEPT);
    expect(document?.emails[0]?.operationId).toBe('5');
  });
});
