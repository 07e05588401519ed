import { PermissionViolationError, type NatsConnection } from '@nats-io/nats-core';

/** Checks of what a NATS user may publish and subscribe to, against the answers of a real server. Publish checks need `followViolations` first. */

/** Publishes and waits for the server's answer: a permissions violation, reported on the connection's status. */
export const expectPublishRefused = async (connection: NatsConnection, subject: string): Promise<void> => {
  expect(await violationsDuring(connection, () => connection.publish(subject, 'probe'))).toContainEqual(
    expect.objectContaining({ operation: 'publish', subject }),
  );
};

export const expectPublishAllowed = async (connection: NatsConnection, subject: string): Promise<void> => {
  expect(await violationsDuring(connection, () => connection.publish(subject, ''))).toEqual([]);
};

export const expectSubscribeRefused = async (connection: NatsConnection, subject: string): Promise<void> => {
  const subscription = connection.subscribe(subject);
  await connection.flush();
  await expect(subscription.closed).resolves.toBeInstanceOf(PermissionViolationError);
};

/** Every permission violation the server reported to a followed connection, in order. */
const violationLogs = new WeakMap<NatsConnection, PermissionViolationError[]>();

export const followViolations = (connection: NatsConnection): void => {
  const violations: PermissionViolationError[] = [];
  violationLogs.set(connection, violations);
  void (async () => {
    for await (const event of connection.status()) {
      if (event.type === 'error' && event.error instanceof PermissionViolationError) violations.push(event.error);
    }
  })();
};

/** The permission violations the server reports for what `act` sends; the round trip of a flush orders them before its answer. */
const violationsDuring = async (connection: NatsConnection, act: () => void): Promise<PermissionViolationError[]> => {
  const log = violationLogs.get(connection);
  if (!log) throw new Error('the connection is not followed for violations');
  const before = log.length;
  act();
  await connection.flush();
  await new Promise((resolve) => setImmediate(resolve));
  return log.slice(before);
};
