import { ProjectionSpecification } from '@libs/testing/given-when-then';
import { acknowledged, after, notified, opened, policySet, recovered, SERVICE, timedOut } from '../pager.examples';
import { serviceStatus, type IncidentStatus } from './service-status.projection';

const spec = ProjectionSpecification.for(serviceStatus);
const incident: IncidentStatus = {
  id: '1',
  message: 'checkout answers 500',
  openedAt: after(0),
  level: 1,
  round: 0,
  acknowledged: false,
  exhausted: false,
  nextEscalationAt: after(900),
  notified: [{ level: 1, round: 0, kind: 'email', address: 'oncall@example.com' }],
  alerts: 1,
};

describe('the services and their open incidents', () => {
  it('a service with a policy is healthy', () => spec.given([policySet()]).then({ [SERVICE]: { serviceId: SERVICE, state: 'healthy', incident: null } }));

  it('an alert on a healthy service opens an incident: the service is unhealthy', () =>
    spec.given([policySet(), opened(), notified(1)]).then({ [SERVICE]: { serviceId: SERVICE, state: 'unhealthy', incident } }));

  it('each level notified shows its targets, and when the next level is due', () =>
    spec.given([policySet(), opened(), notified(1), timedOut(1), notified(2)]).then({
      [SERVICE]: {
        serviceId: SERVICE,
        state: 'unhealthy',
        incident: { ...incident, level: 2, nextEscalationAt: after(1_800), notified: [...incident.notified, { level: 2, round: 0, kind: 'sms' as const, address: '+15551234567' }] },
      },
    }));

  it('alerts during the incident are counted', () =>
    spec
      .given([policySet(), opened(), notified(1), { type: 'AlertRecorded', data: { serviceId: SERVICE, incidentId: '1', message: 'again', at: after(5) } }])
      .then({ [SERVICE]: { serviceId: SERVICE, state: 'unhealthy', incident: { ...incident, alerts: 2 } } }));

  it('an acknowledged or exhausted incident has no next escalation', () => {
    spec.given([policySet(), opened(), notified(1), acknowledged()]).then({ [SERVICE]: { serviceId: SERVICE, state: 'unhealthy', incident: { ...incident, acknowledged: true, nextEscalationAt: null } } });
    spec
      .given([policySet(), opened(), notified(1), { type: 'EscalationExhausted', data: { serviceId: SERVICE, incidentId: '1', at: after(900) } }])
      .then({ [SERVICE]: { serviceId: SERVICE, state: 'unhealthy', incident: { ...incident, exhausted: true, nextEscalationAt: null } } });
  });

  it('a recovered service is healthy, without incident', () =>
    spec.given([policySet(), opened(), notified(1), recovered()]).then({ [SERVICE]: { serviceId: SERVICE, state: 'healthy', incident: null } }));
});
