import type { EffectRequest } from '@libs/event-model/board';

/** How one attempt went: carried out, worth trying again later, or refused for good (with why). */
export type SendResult = { readonly kind: 'sent' } | { readonly kind: 'retry'; readonly reason: string } | { readonly kind: 'refused'; readonly reason: string };

/** One attempt, as the sender sees it. */
export interface SendAttempt {
  readonly attempt: number;
  readonly correlationId: string;
}

/** What carries an effect's requests to the outside world: a webhook call, an email, a message. It never throws: a failure is a result. */
export interface EffectSender {
  send(request: EffectRequest, attempt: SendAttempt): Promise<SendResult>;
}
