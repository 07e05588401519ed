import { DeciderSpecification } from '@libs/testing/given-when-then';
import type { EscalationPolicySet } from '@model/pager/pager.events';
import { policySet } from '../pager.examples';
import { setEscalationPolicy } from './set-escalation-policy.decider';

const policy = (repeat: number): EscalationPolicySet => policySet(repeat) as EscalationPolicySet;
const spec = DeciderSpecification.for(setEscalationPolicy);

describe('set the escalation policy', () => {
  it('a policy is set with its levels, targets, timeout and repeats', () => spec.given([]).when({ type: 'SetEscalationPolicy', data: policy(0).data }).then([policy(0)]));

  it('the same policy again changes nothing', () => spec.given([policy(0)]).when({ type: 'SetEscalationPolicy', data: policy(0).data }).thenNothingHappens());

  it('another policy replaces it', () => spec.given([policy(0)]).when({ type: 'SetEscalationPolicy', data: policy(2).data }).then([policy(2)]));
});
