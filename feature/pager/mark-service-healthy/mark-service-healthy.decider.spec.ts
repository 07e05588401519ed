import { DeciderSpecification } from '@libs/testing/given-when-then';
import { acknowledged, after, notified, opened, policySet, recovered, SERVICE } from '../pager.examples';
import { markServiceHealthy, type MarkServiceHealthy } from './mark-service-healthy.decider';

const healthy: MarkServiceHealthy = { type: 'MarkServiceHealthy', data: { serviceId: SERVICE, at: after(120) } };
const spec = DeciderSpecification.for(markServiceHealthy);

describe('mark the service healthy', () => {
  it('an unhealthy service recovers, which ends its incident, acknowledged or not', () => {
    spec.given([policySet(), opened(), notified(1)]).when(healthy).then([recovered()]);
    spec.given([policySet(), opened(), notified(1), acknowledged()]).when(healthy).then([recovered()]);
  });

  it('a healthy service stays as it is', () => {
    spec.given([policySet()]).when(healthy).thenNothingHappens();
    spec.given([policySet(), opened(), notified(1), recovered()]).when(healthy).thenNothingHappens();
  });
});
