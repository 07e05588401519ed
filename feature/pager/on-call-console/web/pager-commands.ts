import type { Problem } from './live-protocol.js';

/** The console's commands: both name a service and nothing else (feature/pager/pager.input.ts). */
export type ServiceCommand = 'acknowledge-alert' | 'mark-service-healthy';

/** What an accepted command means for people. */
export const DONE: Readonly<Record<ServiceCommand, (serviceId: string) => string>> = {
  'acknowledge-alert': (serviceId) => `Acknowledged: ${serviceId}'s escalation stops.`,
  'mark-service-healthy': (serviceId) => `${serviceId} is marked healthy: its incident closes.`,
};

/**
 * Sends a command about a service with the page's access token, if any: `undefined` when it was accepted, else
 * what went wrong as problem details, the server's own or one said here when there is none to read.
 */
export const sendCommand = async (command: ServiceCommand, serviceId: string, token: string): Promise<Problem | undefined> => {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json, application/problem+json' };
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(`/mutation/${command}`, { method: 'PUT', headers, body: JSON.stringify({ data: { service: { id: serviceId } } }) });
  } catch (error) {
    return { type: 'about:blank', title: 'Server unreachable', status: 0, detail: `the command was not sent: ${String(error)}` };
  }
  if (response.ok) return undefined;
  const answer = await response.text();
  return parseProblem(answer) ?? { type: 'about:blank', title: response.statusText || 'Request failed', status: response.status, detail: answer };
};

const parseProblem = (answer: string): Problem | undefined => {
  try {
    const body = JSON.parse(answer) as Partial<Problem> | null;
    return body && typeof body.title === 'string' && typeof body.status === 'number' ? (body as Problem) : undefined;
  } catch {
    return undefined;
  }
};
