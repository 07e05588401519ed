import { pagingEffect } from '../page.message';
import { recordSmsPage } from './page-by-sms.decider';

/** A phone target's closed message is texted through the SMS gateway (or the local outbox), its id as the Idempotency-Key. */
export const PAGE_BY_SMS = pagingEffect({
  kind: 'sms',
  name: 'page-by-sms',
  title: 'The target is paged by SMS',
  decider: recordSmsPage,
  rules: [
    'a phone target\'s closed message is one text naming every service, keyed by the message',
    'an email target\'s message is not texted',
    'a message is wanted until its outcome is recorded',
    'its outcome is recorded once',
  ],
});
