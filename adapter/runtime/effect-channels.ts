import { OUTBOX_CHANNELS, type OutboxChannel } from '@stream/outbox.stream';
import { addressForLog, type EffectChannelsConfig } from '@adapter/config/effect-channels.config';
import { AddressPolicy } from '@adapter/effects/address-policy';
import type { EffectSender } from '@adapter/effects/effect-sender';
import { EmailSender } from '@adapter/effects/email.sender';
import type { Outbox } from '@adapter/effects/outbox';
import { OutboxSender } from '@adapter/effects/outbox.sender';
import { SlackSender } from '@adapter/effects/slack.sender';
import { SmsSender } from '@adapter/effects/sms.sender';

/** Where one channel's messages go: its sender, and the destination as it may be logged. */
interface ChannelRoute {
  readonly sender: EffectSender;
  readonly destination: string;
}

/** What the start log says of a channel that delivers into the local outbox. */
const LOCAL_OUTBOX = 'outbox';

/**
 * The senders of the channels effect slices name (`email`, `slack`, `sms`), chosen once from the configuration:
 * a channel whose service has an address (`SMTP_URL`, `SLACK_WEBHOOK_URL`, `SMS_WEBHOOK_URL`) sends there; one
 * without delivers into the local outbox, the embedded default, so an app started with no service configured
 * shows what it sent (`GET /outbox`). One sender per channel, shared by every slice that names it.
 */
export class EffectChannels {
  private readonly routes: ReadonlyMap<OutboxChannel, ChannelRoute>;
  private readonly email: EmailSender | undefined;

  constructor(config: EffectChannelsConfig, outbox: Outbox) {
    const { smtpUrl, smtpFrom, slackWebhookUrl, smsWebhookUrl, timeoutMs } = config;
    const local = (channel: OutboxChannel): ChannelRoute => ({ sender: new OutboxSender(outbox, channel), destination: LOCAL_OUTBOX });
    const email: ChannelRoute = smtpUrl
      ? { sender: new EmailSender({ smtpUrl, from: smtpFrom, timeoutMs }), destination: addressForLog(smtpUrl) }
      : local('email');
    const slack: ChannelRoute = slackWebhookUrl
      ? { sender: new SlackSender({ webhookUrl: slackWebhookUrl, timeoutMs, policy: webhookPolicy(slackWebhookUrl) }), destination: addressForLog(slackWebhookUrl) }
      : local('slack');
    const sms: ChannelRoute = smsWebhookUrl
      ? { sender: new SmsSender({ webhookUrl: smsWebhookUrl, timeoutMs, policy: webhookPolicy(smsWebhookUrl) }), destination: addressForLog(smsWebhookUrl) }
      : local('sms');
    this.email = email.sender instanceof EmailSender ? email.sender : undefined;
    this.routes = new Map([
      ['email', email],
      ['slack', slack],
      ['sms', sms],
    ]);
  }

  sender(channel: OutboxChannel): EffectSender {
    return this.route(channel).sender;
  }

  /** Where each channel delivers, as the start log says it: `outbox`, or the service's scheme, host and port (no login, no path). */
  get destinations(): Readonly<Record<OutboxChannel, string>> {
    return Object.fromEntries(OUTBOX_CHANNELS.map((channel) => [channel, this.route(channel).destination])) as Record<OutboxChannel, string>;
  }

  /** Closes the SMTP connections, if any. */
  close(): void {
    this.email?.close();
  }

  private route(channel: OutboxChannel): ChannelRoute {
    const route = this.routes.get(channel);
    if (!route) throw new Error(`the app has no channel ${String(channel)} (it has: ${OUTBOX_CHANNELS.join(', ')})`);
    return route;
  }
}

/**
 * A webhook's address is the operator's own setting, so its host is admitted by name (or as the address it is),
 * whatever it resolves to: a gateway on the private network works. Any other address is refused.
 */
const webhookPolicy = (address: string): AddressPolicy => new AddressPolicy(new URL(address).hostname.replace(/^\[|\]$/g, ''));
