import type { EffectRequest } from '@libs/event-model/board';
import type { EffectSender, SendAttempt, SendResult } from './effect-sender';
import { failureResult, HttpPost, type HttpPostOptions } from './http-post';

/** A Slack message as an effect asks for it: its text, in the channel the webhook posts to. */
export interface SlackMessage {
  readonly text: string;
}

export interface SlackOptions extends HttpPostOptions {
  /** The incoming webhook's address (`SLACK_WEBHOOK_URL`). */
  readonly webhookUrl: string;
}

/**
 * Slack's incoming-webhook errors that no later attempt can fix: the payload, the token, the channel or the
 * team is wrong, or posting is not allowed. Anything else Slack answers with 4xx is final too; 429
 * (`rate_limited`) and 5xx (`rollup_error`, an outage) are tried again.
 */
const FINAL_ERRORS = new Set([
  'invalid_payload', 'invalid_token', 'no_service', 'no_service_id', 'no_team', 'team_disabled',
  'channel_not_found', 'channel_is_archived', 'action_prohibited', 'posting_to_general_channel_denied', 'no_text', 'too_many_attachments',
]);

/**
 * Posts to a Slack incoming webhook: a JSON body with the text. Slack answers `200 ok` when it took the
 * message, and an error code in a plain body otherwise, which the outcome names. Slack has no idempotency
 * key for webhooks: the request's key goes along as `Idempotency-Key` for a proxy that honours it, and an
 * attempt whose answer was lost (a timeout after Slack took it) can post the message twice.
 */
export class SlackSender implements EffectSender {
  private readonly http: HttpPost;

  constructor(private readonly options: SlackOptions) {
    this.http = new HttpPost(options);
  }

  async send(request: EffectRequest, attempt: SendAttempt): Promise<SendResult> {
    const message = request.payload as SlackMessage;
    try {
      const answer = await this.http.webhook(this.options.webhookUrl, request.key, attempt, { text: message.text });
      const code = answer.body.trim().split(/\s/, 1)[0] || String(answer.status);
      if (answer.status >= 200 && answer.status < 300) return { kind: 'sent' };
      if (answer.status === 429 || answer.status >= 500) return { kind: 'retry', reason: `Slack answered ${answer.status} ${code}` };
      return { kind: 'refused', reason: `Slack answered ${answer.status} ${code}${FINAL_ERRORS.has(code) ? '' : ' (not a known error code)'}` };
    } catch (error) {
      return failureResult(error);
    }
  }
}
