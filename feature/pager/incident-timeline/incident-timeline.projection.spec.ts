import { ProjectionSpecification, recorded } from '@libs/testing/given-when-then';
import { acknowledged, after, notified, opened, policySet, recovered, SERVICE, timedOut } from '../pager.examples';
import { incidentTimeline, timelineKey } from './incident-timeline.projection';

const spec = ProjectionSpecification.for(incidentTimeline);

describe('the incident\'s timeline', () => {
  it('an incident\'s alerts, levels notified, timeouts, acknowledgement and recovery are told in order', () => {
    const events = [policySet(), opened(), notified(1), timedOut(1), notified(2), acknowledged(), recovered()];
    const times = recorded(events).map(({ metadata }) => metadata.time);
    spec.given(events).then({
      [timelineKey(SERVICE, '1')]: {
        serviceId: SERVICE,
        incidentId: '1',
        entries: [
          { at: after(0), what: 'alert', message: 'checkout answers 500' },
          { at: times[2]!, what: 'notified', level: 1, round: 0, targets: ['email:oncall@example.com'] },
          { at: after(900), what: 'timed-out', level: 1, round: 0 },
          { at: times[4]!, what: 'notified', level: 2, round: 0, targets: ['sms:+15551234567'] },
          { at: after(60), what: 'acknowledged' },
          { at: after(120), what: 'recovered' },
        ],
      },
    });
  });

  it('each incident has its own timeline', () => {
    const events = [policySet(), opened(), notified(1), recovered(), opened('2', after(600))];
    spec.given(events).then({
      [timelineKey(SERVICE, '1')]: expect.objectContaining({ incidentId: '1' }) as never,
      [timelineKey(SERVICE, '2')]: { serviceId: SERVICE, incidentId: '2', entries: [{ at: after(600), what: 'alert', message: 'checkout answers 500' }] },
    });
  });
});
