import { DeciderSpecification, recorded } from '@libs/testing/given-when-then';
import type { ServiceEvent } from '@model/pager/pager.events';
import { acknowledged, after, notified, opened, policySet, recovered, SERVICE, timedOut } from '../pager.examples';
import { escalate, type TimeOutAcknowledgement } from './escalate.decider';
import { acknowledgementTimers } from './escalate.timers';

const timeout = (level: number, round = 0, incidentId = '1'): TimeOutAcknowledgement => ({
  type: 'TimeOutAcknowledgement',
  data: { serviceId: SERVICE, incidentId, level, round, at: after(900 * (level + 2 * round)) },
});
const exhausted: ServiceEvent = { type: 'EscalationExhausted', data: { serviceId: SERVICE, incidentId: '1', at: after(1_800) } };
const spec = DeciderSpecification.for(escalate);

describe('escalate when nobody acknowledges', () => {
  it('Given an unhealthy service whose alert is not acknowledged and whose last level is not notified, when the acknowledgement times out, then the next level is notified and the acknowledgement timer starts again', () =>
    spec.given([policySet(), opened(), notified(1)]).when(timeout(1)).then([timedOut(1), notified(2)]));

  it('Given an unhealthy service, when the alert is acknowledged and later the acknowledgement times out, then nobody is notified and no timer starts', () =>
    spec.given([policySet(), opened(), notified(1), acknowledged()]).when(timeout(1)).thenNothingHappens());

  it('Given an unhealthy service, when it becomes healthy and later the acknowledgement times out, then it is healthy, nobody is notified and no timer starts', () =>
    spec.given([policySet(), opened(), notified(1), recovered()]).when(timeout(1)).thenNothingHappens());

  it('a timeout from an earlier incident or level changes nothing', () => {
    spec.given([policySet(), opened(), notified(1), timedOut(1), notified(2)]).when(timeout(1)).thenNothingHappens();
    spec.given([policySet(), opened(), notified(1), recovered(), opened('2'), notified(1, 0, '2')]).when(timeout(1)).thenNothingHappens();
  });

  it('past the last level the policy runs again while it has rounds left, then the escalation is exhausted', () => {
    spec.given([policySet(1), opened(), notified(1), timedOut(1), notified(2)]).when(timeout(2)).then([timedOut(2), notified(1, 1)]);
    spec.given([policySet(0), opened(), notified(1), timedOut(1), notified(2)]).when(timeout(2)).then([timedOut(2), exhausted]);
    spec.given([policySet(0), opened(), notified(1), timedOut(1), notified(2), timedOut(2), exhausted]).when(timeout(2)).thenNothingHappens();
  });

  it('a level notified starts the timer at its deadline; an acknowledgement, a recovery or an exhausted escalation stops it', () => {
    const timers = (event: ServiceEvent) => acknowledgementTimers(recorded([event])[0]!);
    expect(timers(notified(2))).toEqual([{ kind: 'set', timer: SERVICE, at: after(1_800), command: timeout(2) }]);
    for (const event of [acknowledged(), recovered(), exhausted]) expect(timers(event)).toEqual([{ kind: 'clear', timer: SERVICE }]);
    for (const event of [policySet(), opened(), timedOut(1)]) expect(timers(event)).toEqual([]);
  });
});
