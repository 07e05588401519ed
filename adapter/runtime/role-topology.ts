import { JetStreamApiCodes, JetStreamApiError } from '@nats-io/jetstream';
import type { NatsClient } from '@adapter/nats/nats.client';
import { RoleTopologyMissing, type RunningRoles } from './running-roles';

/** Checks that a stream the process's roles touch exists, for a process that may not create it. */
export const requireStream = async (nats: NatsClient, roles: RunningRoles, stream: string): Promise<void> => {
  await nats.jsm.streams.info(stream).catch((error: unknown) => {
    if (error instanceof JetStreamApiError && error.code === JetStreamApiCodes.StreamNotFound) throw new RoleTopologyMissing(roles.names, `stream ${stream}`, { cause: error });
    throw error;
  });
};

/** Checks that a KV bucket the process's roles use exists, for a process that may not create it. */
export const requireBucket = async (nats: NatsClient, roles: RunningRoles, bucket: string): Promise<void> => {
  await nats.jsm.streams.info(`KV_${bucket}`).catch((error: unknown) => {
    if (error instanceof JetStreamApiError && error.code === JetStreamApiCodes.StreamNotFound) throw new RoleTopologyMissing(roles.names, `bucket ${bucket}`, { cause: error });
    throw error;
  });
};
