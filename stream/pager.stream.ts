import { fillSubject, type EventStreamDefinition, type StreamEntity } from '@libs/event-model/event-stream';
import { subjectToken } from '@libs/ids/entity-id';
import { SERVICE_EVENT_CONTRACTS, SERVICE_EVENT_TYPES, TARGET_EVENT_CONTRACTS, TARGET_EVENT_TYPES } from '@model/pager/pager.events';
import { commandSubject, commandSubjectFilter } from './command-subjects';

const SERVICE: StreamEntity = {
  name: 'service',
  description: 'One monitored service: its escalation policy, and each incident from its alert to its acknowledgement, recovery or exhausted escalation.',
  subject: 'pager.service.{serviceId}',
  params: { serviceId: 'The service\'s id' },
  eventTypes: SERVICE_EVENT_TYPES,
};

const TARGET: StreamEntity = {
  name: 'target',
  description: 'One target (an email address or a phone number): the pages it is sent, gathered into messages, and how each message went.',
  subject: 'pager.target.{targetId}',
  params: { targetId: 'A UUID derived from the target\'s kind and address' },
  eventTypes: TARGET_EVENT_TYPES,
};

/** The monitored services: one subject per service, so that one service's alerts are decided one at a time. */
export const PAGER_STREAM: EventStreamDefinition = {
  name: 'PAGER',
  subjects: ['pager.service.*'],
  typePrefix: 'pager',
  eventTypes: SERVICE_EVENT_TYPES,
  entities: [SERVICE],
  contracts: SERVICE_EVENT_CONTRACTS,
};

/** The targets: one subject per target, so that what reaches one target is decided one page at a time. */
export const PAGER_TARGET_STREAM: EventStreamDefinition = {
  name: 'PAGER_TARGETS',
  subjects: ['pager.target.*'],
  typePrefix: 'pager',
  eventTypes: TARGET_EVENT_TYPES,
  entities: [TARGET],
  contracts: TARGET_EVENT_CONTRACTS,
};

export const serviceSubject = (serviceId: string): string => fillSubject(SERVICE, { serviceId: subjectToken(serviceId) });
export const serviceSubjectFilter = (): string => fillSubject(SERVICE, { serviceId: '*' });
export const targetSubject = (targetId: string): string => fillSubject(TARGET, { targetId: subjectToken(targetId) });
export const targetSubjectFilter = (): string => fillSubject(TARGET, { targetId: '*' });

/** NATS request/reply subjects of the pager's commands: `cmd.pager.<command>`. */
export const pagerCommandSubject = (command: string): string => commandSubject('pager', command);
export const pagerCommandSubjectFilter = (): string => commandSubjectFilter('pager');
