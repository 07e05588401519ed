import type { RecordedEvent } from '@libs/decider/decider';
import { clearTimer, setTimer, type TimerChange } from '@libs/event-model/board';
import type { ServiceEvent } from '@model/pager/pager.events';
import type { TimeOutAcknowledgement } from './escalate.decider';

/** A level notified starts the service's acknowledgement timer at its deadline; an acknowledgement, a recovery or an exhausted escalation stops it. */
export const acknowledgementTimers = ({ event }: RecordedEvent<ServiceEvent>): readonly TimerChange<TimeOutAcknowledgement>[] => {
  const { serviceId } = event.data;
  switch (event.type) {
    case 'LevelNotified': {
      const { incidentId, level, round, ackDeadline } = event.data;
      return [setTimer(serviceId, ackDeadline, { type: 'TimeOutAcknowledgement', data: { serviceId, incidentId, level, round, at: ackDeadline } })];
    }
    case 'AlertAcknowledged':
    case 'ServiceRecovered':
    case 'EscalationExhausted':
      return [clearTimer(serviceId)];
    default:
      return [];
  }
};
