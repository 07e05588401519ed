import type { EffectRequest } from '@libs/event-model/board';
import { BoardFlow, type FlowSend } from '@libs/testing/board-flow';
import { EMAIL_STREAM, NOTIFICATION_STREAM, notificationSubject } from '@stream/notification.stream';
import { NOTIFICATION_BOARD } from './notification.board';
import { internalTeamOperationIdOf, operationIdOf } from './notification.ids';
import { NOTIFY_ATTEMPTS, NOTIFY_BACKOFF_MS, NOTIFY_INTERNAL_TEAM_EMAIL } from './notification.settings';
import { NOTIFICATION_STATUS } from './notification-status/notification-status.slice';
import { REGISTER_RECIPIENT } from './register-recipient/register-recipient.slice';
import { RECIPIENT_CONTACT } from './send-notification/recipient-contact.read';
import { SEND_NOTIFICATION } from './send-notification/send-notification.slice';
import { addressKey } from './sent-emails/sent-emails.projection';
import { SENT_EMAILS } from './sent-emails/sent-emails.slice';

type Answer = ReturnType<FlowSend>;

/** The notification subsystem's flows on a clock the spec moves: request, channels, retries, the saga's outcome, the internal team. */
describe('the notification board, flow by flow', () => {
  let flow: BoardFlow;
  let sent: { channel: 'email' | 'slack'; key: string; payload: Record<string, unknown>; attempt: number }[];
  let answers: Record<'email' | 'slack', Answer[]>;

  const channel =
    (name: 'email' | 'slack'): FlowSend =>
    (request: EffectRequest, attempt) => {
      sent.push({ channel: name, key: request.key, payload: request.payload as Record<string, unknown>, attempt });
      return answers[name].shift() ?? 'sent';
    };
  const register = (recipientId: string, channels: ('email' | 'slack')[]) =>
    flow.command(REGISTER_RECIPIENT, { type: 'RegisterRecipient', data: { recipientId, email: `${recipientId}@example.com`, slackChannel: `#${recipientId}`, channels } });
  const send = async (notificationId: string, recipientId = 'ada') => {
    await flow.command(SEND_NOTIFICATION, {
      type: 'SendNotification',
      data: { notificationId, recipientId, subject: 'Your booking', body: 'Room 2 is yours.', requestedAt: new Date(flow.now).toISOString(), recipient: await flow.read(RECIPIENT_CONTACT, recipientId) },
    });
    await flow.settle();
  };
  const status = (id: string) => flow.view(NOTIFICATION_STATUS, id);
  const types = (id: string) => flow.events(NOTIFICATION_STREAM.name, notificationSubject(id)).map(({ type }) => type);

  beforeEach(() => {
    flow = new BoardFlow([NOTIFICATION_BOARD], { senders: { email: channel('email'), slack: channel('slack') } });
    sent = [];
    answers = { email: [], slack: [] };
  });

  it('sends on both channels, keyed by their operations, and ends sent on all', async () => {
    await register('ada', ['email', 'slack']);
    await send('n-1');
    expect(sent.map(({ channel, key, attempt }) => [channel, key, attempt])).toEqual([
      ['email', operationIdOf('n-1', 'email'), 1],
      ['slack', operationIdOf('n-1', 'slack'), 1],
    ]);
    expect(sent[0]!.payload).toMatchObject({ to: 'ada@example.com', subject: 'Your booking', text: 'Room 2 is yours.' });
    expect(status('n-1')).toMatchObject({ status: 'sent-on-all', channels: [{ channel: 'email', status: 'sent', attempts: 1 }, { channel: 'slack', status: 'sent', attempts: 1 }] });
    expect(types('n-1')).toEqual(['NotificationCreated', 'NotificationSent']);
    expect(flow.view(SENT_EMAILS, addressKey('ada@example.com'))?.emails.map(({ trackingId }) => trackingId)).toEqual(['n-1']);
  });

  it('keeps sending while Slack fails, then ends sent on all once it recovers, with the attempts', async () => {
    answers.slack = [{ retry: 'Slack answered 500' }, { retry: 'Slack answered 503' }];
    await register('ada', ['email', 'slack']);
    await send('n-1');
    expect(status('n-1')).toMatchObject({ status: 'sending' });
    await flow.advance(NOTIFY_BACKOFF_MS.fallback);
    expect(status('n-1')).toMatchObject({ status: 'sending' });
    await flow.advance(2 * NOTIFY_BACKOFF_MS.fallback);
    expect(status('n-1')).toMatchObject({ status: 'sent-on-all', channels: [{ channel: 'email', attempts: 1 }, { channel: 'slack', status: 'sent', attempts: 3, lastError: null }] });
    expect(sent.filter(({ channel }) => channel === 'email')).toHaveLength(1);
  });

  it('ends sent on some when Slack fails for good, and emails the internal team once', async () => {
    answers.slack = Array.from({ length: NOTIFY_ATTEMPTS.fallback }, () => ({ retry: 'Slack answered 500' }));
    await register('ada', ['email', 'slack']);
    await send('n-1');
    await flow.advance(60 * NOTIFY_BACKOFF_MS.fallback);
    expect(status('n-1')).toMatchObject({
      status: 'sent-on-some',
      channels: [{ channel: 'email', status: 'sent' }, { channel: 'slack', status: 'failed', attempts: NOTIFY_ATTEMPTS.fallback, lastError: `Slack answered 500; gave up after ${NOTIFY_ATTEMPTS.fallback} attempts` }],
      internalTeamNotified: true,
    });
    const team = sent.filter(({ key }) => key === internalTeamOperationIdOf('n-1'));
    expect(team).toHaveLength(1);
    expect(team[0]!.payload).toMatchObject({ to: NOTIFY_INTERNAL_TEAM_EMAIL.fallback, subject: 'Notification n-1: sent on some channels only' });
    expect(types('n-1')).toEqual(['NotificationCreated', 'NotificationPartlySent', 'InternalTeamNotified']);
    await flow.advance(60 * NOTIFY_BACKOFF_MS.fallback);
    expect(sent.filter(({ key }) => key === internalTeamOperationIdOf('n-1'))).toHaveLength(1);
  });

  it('ends failed when the mail server refuses, and the internal team is told', async () => {
    answers.email = [{ refused: 'the SMTP server answered 550: no such mailbox' }];
    await register('ada', ['email']);
    await send('n-1');
    expect(status('n-1')).toMatchObject({ status: 'failed', channels: [{ channel: 'email', status: 'failed', attempts: 1, lastError: 'the SMTP server answered 550: no such mailbox' }], internalTeamNotified: true });
    expect(flow.events(EMAIL_STREAM.name, `notification.email.${operationIdOf('n-1', 'email')}`).map(({ type }) => type)).toEqual(['EmailFailed']);
  });

  it('sends nothing to a recipient who opted out', async () => {
    await register('ada', []);
    await send('n-1');
    expect(sent).toEqual([]);
    expect(status('n-1')).toEqual({ trackingId: 'n-1', recipientId: 'ada', status: 'opted-out', channels: [], internalTeamNotified: false });
  });

  it('sends a notification asked for twice under one id once', async () => {
    await register('ada', ['email']);
    await send('n-1');
    await send('n-1');
    expect(sent).toHaveLength(1);
    expect(types('n-1')).toEqual(['NotificationCreated', 'NotificationSent']);
  });
});
