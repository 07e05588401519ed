import type { Problem } from './live-protocol.js';

type CommandName = 'book-room' | 'cleanup' | 'checkin';

interface Fields {
  readonly room: string;
  readonly date: string;
  readonly client: string;
}

/** Each command's request body (see the slices' `*.input.ts`) and what its success means for people. */
const COMMANDS: Readonly<Record<CommandName, { body: (f: Fields) => unknown; done: (f: Fields) => string }>> = {
  'book-room': {
    body: (f) => ({ data: { room: { id: f.room }, client: { id: f.client }, date: f.date } }),
    done: (f) => `Room ${f.room} is booked for client ${f.client} on ${f.date}.`,
  },
  cleanup: {
    body: (f) => ({ data: { room: { id: f.room }, date: f.date } }),
    done: (f) => `Room ${f.room} is cleaned and ready for its guest on ${f.date}.`,
  },
  checkin: {
    body: (f) => ({ data: { room: { id: f.room }, client: { id: f.client }, date: f.date } }),
    done: (f) => `Client ${f.client} is checked in to room ${f.room} on ${f.date}.`,
  },
};

const isCommand = (name: string | undefined): name is CommandName => name !== undefined && name in COMMANDS;

/** Sends the board's commands from its forms, and shows each answer next to its form. */
export class CommandForms {
  constructor(
    private readonly forms: readonly HTMLFormElement[],
    private readonly token: () => string,
  ) {
    for (const form of forms) form.addEventListener('submit', (event) => void this.submit(event, form));
  }

  /** The board's date becomes every form's date: commands are about the day on screen. */
  showDate(date: string): void {
    for (const form of this.forms) {
      const input = form.elements.namedItem('date');
      if (input instanceof HTMLInputElement) input.value = date;
    }
  }

  private async submit(event: SubmitEvent, form: HTMLFormElement): Promise<void> {
    event.preventDefault();
    const name = form.dataset.command;
    if (!isCommand(name)) return;
    const data = new FormData(form);
    const fields: Fields = { room: text(data, 'room'), date: text(data, 'date'), client: text(data, 'client') };
    const button = form.querySelector('button');
    if (button) button.disabled = true;
    try {
      const problem = await this.send(name, COMMANDS[name].body(fields));
      showOutcome(form, problem ?? COMMANDS[name].done(fields));
    } finally {
      if (button) button.disabled = false;
    }
  }

  /** `undefined` when the command was accepted, else what went wrong as problem details. */
  private async send(name: CommandName, body: unknown): Promise<Problem | undefined> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json, application/problem+json' };
    const token = this.token();
    if (token) headers.authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await fetch(`/mutation/${name}`, { method: 'PUT', headers, body: JSON.stringify(body) });
    } catch (error) {
      return { type: 'about:blank', title: 'Server unreachable', status: 0, detail: `the command was not sent: ${String(error)}` };
    }
    if (response.ok) return undefined;
    const answer = await response.text();
    const problem = parseProblem(answer);
    return problem ?? { type: 'about:blank', title: response.statusText || 'Request failed', status: response.status, detail: answer };
  }
}

const text = (data: FormData, name: string): string => {
  const value = data.get(name);
  return typeof value === 'string' ? value.trim() : '';
};

const parseProblem = (answer: string): Problem | undefined => {
  try {
    const body = JSON.parse(answer) as Partial<Problem> | null;
    return body && typeof body.title === 'string' && typeof body.status === 'number' ? (body as Problem) : undefined;
  } catch {
    return undefined;
  }
};

/** A success as one sentence; a refusal with its title, detail, broken rule and failing fields. */
const showOutcome = (form: HTMLFormElement, outcome: string | Problem): void => {
  const box = form.querySelector<HTMLElement>('.outcome');
  if (!box) return;
  box.replaceChildren();
  if (typeof outcome === 'string') {
    box.dataset.outcome = 'ok';
    box.append(paragraph('outcome-detail', outcome));
    return;
  }
  box.dataset.outcome = 'problem';
  box.dataset.status = String(outcome.status);
  const title = outcome.status > 0 ? `${outcome.title} (${outcome.status})` : outcome.title;
  box.append(paragraph('outcome-title', title), paragraph('outcome-detail', outcome.detail));
  if (outcome.rule) box.append(paragraph('outcome-rule', `Rule: ${outcome.rule}`));
  if (outcome.errors?.length) {
    const list = document.createElement('ul');
    list.className = 'outcome-errors';
    for (const error of outcome.errors) {
      const item = document.createElement('li');
      item.textContent = `${error.field}: ${error.messages.join('; ')}`;
      list.append(item);
    }
    box.append(list);
  }
};

const paragraph = (className: string, content: string): HTMLParagraphElement => {
  const node = document.createElement('p');
  node.className = className;
  node.textContent = content;
  return node;
};
