import type { EffectRequest } from '@libs/event-model/board';
import { BoardFlow, type FlowSend } from '@libs/testing/board-flow';
import { PAGER_STREAM, serviceSubject } from '@stream/pager.stream';
import { ACKNOWLEDGE_ALERT } from './acknowledge-alert/acknowledge-alert.slice';
import { MARK_SERVICE_HEALTHY } from './mark-service-healthy/mark-service-healthy.slice';
import type { PagerMessage } from './page.message';
import { PAGER_BOARD } from './pager.board';
import { PAGER_BUNDLE_MS } from './pager.settings';
import { RAISE_ALERT } from './raise-alert/raise-alert.slice';
import { SERVICE_STATUS } from './service-status/service-status.slice';
import { SET_ESCALATION_POLICY } from './set-escalation-policy/set-escalation-policy.slice';

const START = Date.UTC(2026, 11, 3, 8);
const ACK_SECONDS = 60;
const BUNDLE = PAGER_BUNDLE_MS.fallback;

/** The pager's flows on a clock the spec moves: alerts, pages gathered per target, timeouts, acknowledgements and recoveries. */
describe('the pager board, flow by flow', () => {
  let flow: BoardFlow;
  let sent: { channel: 'email' | 'sms'; key: string; payload: PagerMessage; at: number }[];

  const channel =
    (name: 'email' | 'sms'): FlowSend =>
    (request: EffectRequest) => {
      sent.push({ channel: name, key: request.key, payload: request.payload as PagerMessage, at: flow.now });
      return 'sent';
    };
  const policy = (serviceId: string, levels: { kind: 'email' | 'sms'; address: string }[][], repeat = 0) =>
    flow.command(SET_ESCALATION_POLICY, {
      type: 'SetEscalationPolicy',
      data: { serviceId, ackTimeoutSeconds: ACK_SECONDS, repeat, levels: levels.length, targets: levels.flatMap((targets, index) => targets.map((target) => ({ ...target, level: index + 1 }))) },
    });
  const alert = async (serviceId: string) => {
    await flow.command(RAISE_ALERT, { type: 'RaiseAlert', data: { serviceId, message: `${serviceId} answers 500`, at: new Date(flow.now).toISOString() } });
    await flow.settle();
  };
  const to = (address: string) => sent.filter(({ payload }) => payload.to === address);
  const types = (serviceId: string) => flow.events(PAGER_STREAM.name, serviceSubject(serviceId)).map(({ type }) => type);
  const oncall = { kind: 'email' as const, address: 'oncall@example.com' };
  const lead = { kind: 'sms' as const, address: '+15551234567' };

  beforeEach(() => {
    flow = new BoardFlow([PAGER_BOARD], { now: START, senders: { email: channel('email'), sms: channel('sms') } });
    sent = [];
  });

  it('escalates level by level when nobody acknowledges, never early, then stops at the acknowledgement', async () => {
    await policy('checkout', [[oncall], [lead]]);
    await alert('checkout');
    expect(sent).toEqual([]);
    await flow.advance(BUNDLE);
    expect(sent.map(({ channel, payload, at }) => [channel, payload.to, at - START])).toEqual([['email', 'oncall@example.com', BUNDLE]]);
    expect(flow.view(SERVICE_STATUS, 'checkout')).toMatchObject({ state: 'unhealthy', incident: { level: 1, acknowledged: false, nextEscalationAt: new Date(START + ACK_SECONDS * 1_000).toISOString() } });
    await flow.advance(ACK_SECONDS * 1_000 - BUNDLE - 1);
    expect(to(lead.address)).toEqual([]);
    await flow.advance(1 + BUNDLE);
    expect(to(lead.address).map(({ channel, at }) => [channel, at - START])).toEqual([['sms', ACK_SECONDS * 1_000 + BUNDLE]]);
    await flow.command(ACKNOWLEDGE_ALERT, { type: 'AcknowledgeAlert', data: { serviceId: 'checkout', at: new Date(flow.now).toISOString() } });
    await flow.advance(10 * ACK_SECONDS * 1_000);
    expect(sent).toHaveLength(2);
    expect(types('checkout')).toEqual(['EscalationPolicySet', 'IncidentOpened', 'LevelNotified', 'AcknowledgementTimedOut', 'LevelNotified', 'AlertAcknowledged']);
  });

  it('stops escalating when the service turns healthy', async () => {
    await policy('checkout', [[oncall], [lead]]);
    await alert('checkout');
    await flow.advance(BUNDLE);
    await flow.command(MARK_SERVICE_HEALTHY, { type: 'MarkServiceHealthy', data: { serviceId: 'checkout', at: new Date(flow.now).toISOString() } });
    await flow.advance(10 * ACK_SECONDS * 1_000);
    expect(sent.map(({ payload }) => payload.to)).toEqual(['oncall@example.com']);
    expect(flow.view(SERVICE_STATUS, 'checkout')).toEqual({ serviceId: 'checkout', state: 'healthy', incident: null });
  });

  it('notifies each level-1 target once for twenty alerts on one service', async () => {
    await policy('checkout', [[oncall, lead]]);
    for (let index = 0; index < 20; index++) await flow.command(RAISE_ALERT, { type: 'RaiseAlert', data: { serviceId: 'checkout', message: `alert ${index}`, at: new Date(flow.now).toISOString() } });
    await flow.advance(BUNDLE);
    expect(sent.map(({ channel }) => channel).sort()).toEqual(['email', 'sms']);
    expect(flow.view(SERVICE_STATUS, 'checkout')).toMatchObject({ incident: { alerts: 20 } });
  });

  it('gives a target shared by services alerting together one message naming every service', async () => {
    await policy('checkout', [[oncall]]);
    await policy('payments', [[oncall]]);
    await policy('search', [[oncall]]);
    await alert('checkout');
    await flow.advance(BUNDLE / 2);
    await alert('payments');
    await flow.advance(BUNDLE);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.payload.subject).toBe('[pager] 2 services need you: checkout, payments');
    await alert('search');
    expect(sent).toHaveLength(1);
    await flow.advance(BUNDLE);
    expect(sent.map(({ payload }) => payload.subject)).toEqual(['[pager] 2 services need you: checkout, payments', '[pager] search is unhealthy']);
  });

  it('runs the policy again as many times as it says, then records that the escalation is exhausted', async () => {
    await policy('checkout', [[oncall], [lead]], 1);
    await alert('checkout');
    await flow.advance(5 * ACK_SECONDS * 1_000);
    expect(sent.map(({ payload }) => payload.to)).toEqual(['oncall@example.com', '+15551234567', 'oncall@example.com', '+15551234567']);
    expect(types('checkout').at(-1)).toBe('EscalationExhausted');
    expect(flow.view(SERVICE_STATUS, 'checkout')).toMatchObject({ incident: { exhausted: true, nextEscalationAt: null } });
  });
});
