import { pagingEffect } from '../page.message';
import { recordEmailPage } from './page-by-email.decider';

/** An email target's closed message is emailed (SMTP, or the local outbox), its id as the Message-ID. */
export const PAGE_BY_EMAIL = pagingEffect({
  kind: 'email',
  name: 'page-by-email',
  title: 'The target is paged by email',
  decider: recordEmailPage,
  rules: [
    'an email target\'s closed message is one email naming every service, keyed by the message',
    'an SMS target\'s message is not emailed',
    'a message is wanted until its outcome is recorded',
    'its outcome is recorded once',
  ],
});
