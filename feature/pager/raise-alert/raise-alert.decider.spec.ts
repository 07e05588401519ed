import { fold } from '@libs/decider/decider';
import { DeciderSpecification, recorded } from '@libs/testing/given-when-then';
import type { ServiceEvent } from '@model/pager/pager.events';
import { AT, after, LEVEL_1, notified, opened, policySet, recovered, SERVICE } from '../pager.examples';
import { raiseAlert, type RaiseAlert } from './raise-alert.decider';

const alert = (at = AT, message = 'checkout answers 500'): RaiseAlert => ({ type: 'RaiseAlert', data: { serviceId: SERVICE, message, at } });
const spec = DeciderSpecification.for(raiseAlert);

describe('raise an alert', () => {
  it('Given a healthy service, when an alert arrives, then it becomes unhealthy, level 1 is notified and the acknowledgement timer starts', () =>
    spec.given([policySet()]).when(alert()).then([opened(), notified(1, 0, '1', after(900))]));

  it('Given an unhealthy service, when another alert arrives, then nobody is notified and no timer starts', () =>
    spec
      .given([policySet(), opened(), notified(1)])
      .when(alert(after(5), 'checkout still answers 500'))
      .then([{ type: 'AlertRecorded', data: { serviceId: SERVICE, incidentId: '1', message: 'checkout still answers 500', at: after(5) } }]));

  it('a service without a policy cannot raise an alert', () => spec.given([]).when(alert()).thenRefuses('policy-must-exist'));

  it('an alert after a recovery opens the next incident', () =>
    spec.given([policySet(), opened(), notified(1), recovered()]).when(alert(after(3_600))).then([opened('2', after(3_600)), notified(1, 0, '2', after(4_500))]));

  it('twenty alerts decided one after another notify level 1 once', () => {
    let events: ServiceEvent[] = [policySet()];
    for (let index = 0; index < 20; index++) events = [...events, ...raiseAlert.decide(alert(after(index)), fold(raiseAlert, recorded(events)))];
    const levels = events.filter((event) => event.type === 'LevelNotified');
    expect(levels).toHaveLength(1);
    expect(levels[0]?.data).toMatchObject({ level: 1, targets: LEVEL_1 });
    expect(events.filter((event) => event.type === 'AlertRecorded')).toHaveLength(19);
  });
});
