import { DeciderSpecification, recorded } from '@libs/testing/given-when-then';
import type { SlackEvent, SlackOperation } from '@model/notification/notification.events';
import { recordSlackOutcome } from './send-slack.decider';
import { slackMessageFor, slackOutcome, slackWanted } from './send-slack.effect';

const queued: SlackOperation = { type: 'SlackMessageRequested', data: { operationId: 'op-2', notificationId: 'n-1', channel: '#ada', text: '*Your booking*\nRoom 2 is yours.' } };
const request = slackMessageFor(recorded([queued])[0]!);
const sent: SlackEvent = { type: 'SlackMessageSent', data: { operationId: 'op-2', notificationId: 'n-1', channel: '#ada', attempts: 1 } };
const spec = DeciderSpecification.for(recordSlackOutcome);

describe('post the Slack message', () => {
  it('a queued Slack message asks to be posted, keyed by its operation id', () =>
    expect(request).toEqual({ key: 'op-2', payload: { text: '*Your booking*\nRoom 2 is yours.', channel: '#ada', notificationId: 'n-1' } }));

  it('a Slack message is wanted until its outcome is recorded', () => {
    expect(slackWanted({ settled: false })).toBe(true);
    expect(slackWanted({ settled: true })).toBe(false);
  });

  it('a message taken is recorded as sent, with its attempts', () => spec.given([]).when(slackOutcome(request, { succeeded: true, attempts: 1 })).then([sent]));

  it('a message given up on is recorded as failed, with the reason and the attempts', () =>
    spec
      .given([])
      .when(slackOutcome(request, { succeeded: false, attempts: 3, reason: 'Slack answered 404 (channel_not_found)' }))
      .then([{ type: 'SlackMessageFailed', data: { operationId: 'op-2', notificationId: 'n-1', channel: '#ada', attempts: 3, reason: 'Slack answered 404 (channel_not_found)' } }]));

  it('an outcome recorded again changes nothing', () => spec.given([sent]).when(slackOutcome(request, { succeeded: true, attempts: 2 })).thenNothingHappens());
});
