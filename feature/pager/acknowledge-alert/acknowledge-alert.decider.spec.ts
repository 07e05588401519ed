import { DeciderSpecification } from '@libs/testing/given-when-then';
import { acknowledged, after, notified, opened, policySet, recovered, SERVICE } from '../pager.examples';
import { acknowledgeAlert, type AcknowledgeAlert } from './acknowledge-alert.decider';

const acknowledge: AcknowledgeAlert = { type: 'AcknowledgeAlert', data: { serviceId: SERVICE, at: after(60) } };
const spec = DeciderSpecification.for(acknowledgeAlert);

describe('acknowledge the alert', () => {
  it('an open incident is acknowledged once', () => {
    spec.given([policySet(), opened(), notified(1)]).when(acknowledge).then([acknowledged()]);
    spec.given([policySet(), opened(), notified(1), acknowledged()]).when(acknowledge).thenNothingHappens();
  });

  it('a healthy service has no incident to acknowledge', () => {
    spec.given([policySet()]).when(acknowledge).thenRefuses('no-open-incident');
    spec.given([policySet(), opened(), notified(1), recovered()]).when(acknowledge).thenRefuses('no-open-incident');
  });
});
