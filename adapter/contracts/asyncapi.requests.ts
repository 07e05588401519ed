import type { OpenAPIObject } from '@nestjs/swagger';
import { isStateChange, type Board, type StateChangeSlice } from '@libs/event-model/board';
import type { JsonSchema } from '@libs/event-model/event-contract';
import { CORRELATION_HEADER } from '@adapter/edge/command-reply';
import { PROBLEM_CONTENT_TYPE } from '@adapter/edge/problem';

const REPLY_CHANNEL = 'command_reply';

/** Where consumers put what they gave up on: the stream's name and its subject template (`deadletter.{consumer}`). */
export interface DeadLetterSource {
  readonly name: string;
  readonly subject: string;
}

const requestBody = (openApi: OpenAPIObject, method: string, path: string): JsonSchema | undefined => {
  const operation = (openApi.paths[path] as Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }> | undefined)?.[method];
  return operation?.requestBody?.content?.['application/json']?.schema;
};

const statusHeaders = (statuses: readonly string[], contentType: string): JsonSchema => ({
  type: 'object',
  required: ['Status', 'Content-Type'],
  properties: { Status: { type: 'string', enum: statuses, description: 'The HTTP status the same command answers over HTTP' }, 'Content-Type': { type: 'string', const: contentType } },
});

/** The request/reply channels of the state changes' NATS triggers: the HTTP route's body in, the HTTP route's answer out. */
export const commandComponents = (boards: readonly Board[], openApi: OpenAPIObject) => {
  const channels: Record<string, unknown> = {
    [REPLY_CHANNEL]: {
      address: null,
      title: 'Command replies',
      description: 'The requester\'s inbox, the reply subject of its request: `_INBOX_<user>.>` for a user of the app\'s server (`_INBOX_command-sender.>` for a command sender), or `_INBOX.>`; a request with any other reply subject, or one in the app\'s own inboxes (`_INBOX_app.>`), is not executed.',
      messages: { CommandReply: { $ref: '#/components/messages/CommandReply' }, CommandProblem: { $ref: '#/components/messages/CommandProblem' } },
    },
  };
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {
    CommandReply: {
      name: 'CommandReply',
      summary: 'Where the decision\'s events are stored (or the earlier events that already satisfy the command)',
      contentType: 'application/json',
      headers: statusHeaders(['201'], 'application/json'),
      payload: { $ref: '#/components/schemas/StoredDecisionBody' },
    },
    CommandProblem: {
      name: 'CommandProblem',
      summary: 'The command is refused: problem details, as over HTTP',
      contentType: PROBLEM_CONTENT_TYPE,
      headers: statusHeaders(['400', '401', '409', '413', '500', '503'], PROBLEM_CONTENT_TYPE),
      payload: { $ref: '#/components/schemas/ProblemBody' },
    },
  };
  for (const slice of boards.flatMap(({ slices }) => slices.filter(isStateChange))) {
    for (const trigger of slice.triggers) {
      if (trigger.kind !== 'nats') continue;
      const name = `${slice.command.name}Request`;
      const channel = `cmd_${slice.name}`;
      messages[name] = requestMessage(slice, name, openApi);
      channels[channel] = { address: trigger.subject, title: `${slice.command.name} requests`, messages: { [name]: { $ref: `#/components/messages/${name}` } } };
      operations[`${slice.name}_request`] = {
        action: 'receive',
        channel: { $ref: `#/channels/${channel}` },
        title: `${slice.title} (NATS request/reply)`,
        summary: `${slice.actor} sends ${slice.command.name}; the app decides, stores ${slice.events.join(', ')} and replies (queue group \`commands\`).`,
        messages: [{ $ref: `#/channels/${channel}/messages/${name}` }],
        reply: {
          channel: { $ref: `#/channels/${REPLY_CHANNEL}` },
          messages: [{ $ref: `#/channels/${REPLY_CHANNEL}/messages/CommandReply` }, { $ref: `#/channels/${REPLY_CHANNEL}/messages/CommandProblem` }],
        },
      };
    }
  }
  return { channels, operations, messages, schemas: { ...(openApi.components?.schemas ?? {}) } as Record<string, JsonSchema> };
};

const requestMessage = (slice: StateChangeSlice, name: string, openApi: OpenAPIObject): Record<string, unknown> => {
  const http = slice.triggers.find((trigger) => trigger.kind === 'http');
  const payload = http === undefined ? undefined : requestBody(openApi, http.method.toLowerCase(), http.path);
  return {
    name,
    title: slice.command.name,
    summary: `${slice.title}: the body of ${http === undefined ? 'the command' : `${http.method} ${http.path}`}`,
    contentType: 'application/json',
    headers: { type: 'object', properties: { 'X-Correlation-Id': { type: 'string', description: `As the HTTP \`${CORRELATION_HEADER}\` header` } } },
    payload: payload ?? { type: 'object' },
  };
};

/** How the consumer of each kind of slice is named, as its dead letters name it. */
const CONSUMER_PREFIX = { 'state-view': 'view-', automation: 'automation-', timer: 'timer-', effect: 'effect-', process: 'process-' } as const;

/** The dead-letter channel: every automation's, timer's, effect's and view's consumer puts there what it cannot process. */
export const deadLetterChannel = (boards: readonly Board[], deadLetter: DeadLetterSource) => {
  const consumers = boards.flatMap(({ slices }) => slices).flatMap((slice) => (slice.kind === 'state-change' ? [] : [`${CONSUMER_PREFIX[slice.kind]}${slice.name}`]));
  const channel = deadLetter.name;
  const header = (description: string): JsonSchema => ({ type: 'string', description });
  return {
    channels: {
      [channel]: {
        address: deadLetter.subject,
        title: 'Dead letters',
        description: `Messages a consumer could not process, kept in the JetStream stream \`${deadLetter.name}\` for inspection and re-drive.`,
        parameters: { consumer: { description: 'The consumer that gave up: `automation-<slice>`, `timer-<slice>`, `effect-<slice>` or `view-<slice>`', examples: consumers } },
        messages: { DeadLetter: { $ref: '#/components/messages/DeadLetter' } },
      },
    },
    operations: {
      dead_letters_stores: {
        action: 'send',
        channel: { $ref: `#/channels/${channel}` },
        title: 'Consumers dead-letter what they cannot process',
        summary: 'Undecodable messages at once; failing ones after 5 deliveries (never for an outage).',
        messages: [{ $ref: `#/channels/${channel}/messages/DeadLetter` }],
      },
    },
    messages: {
      DeadLetter: {
        name: 'DeadLetter',
        summary: 'The message as it was read, byte for byte, with its headers and why it was given up on',
        headers: {
          type: 'object',
          required: ['Dead-Letter-Consumer', 'Dead-Letter-Reason', 'Dead-Letter-Stream', 'Dead-Letter-Subject', 'Dead-Letter-Sequence', 'Dead-Letter-Deliveries'],
          properties: {
            'Dead-Letter-Consumer': header('The consumer that gave up'),
            'Dead-Letter-Reason': header('Why, up to 1,000 characters'),
            'Dead-Letter-Stream': header('The stream the message was read from'),
            'Dead-Letter-Subject': header('Its subject there'),
            'Dead-Letter-Sequence': header('Its sequence there'),
            'Dead-Letter-Deliveries': header('How many times it was delivered'),
          },
        },
        payload: { description: 'The original message body, whatever it is' },
      },
    },
  };
};
