import type { Channel, OutboxMessage } from './outbox-protocol.js';

export type ChannelFilter = Channel | 'all';

const CHANNEL_LABELS: Readonly<Record<Channel, string>> = { email: 'Email', slack: 'Slack', sms: 'SMS' };

interface Shown {
  readonly message: OutboxMessage;
  readonly node: HTMLLIElement;
  /** When it was added among the others: of two delivered in the same millisecond, the later added is the newer. */
  readonly added: number;
}

/**
 * The messages of the outbox, newest first (by when they were delivered), one per channel and key as the outbox
 * keeps them: a message listed again replaces the one shown. Those that arrived while the page was open say
 * "New" in words, not only in colour. The channel filter hides the others; the summary says how many are shown.
 */
export class OutboxList {
  private readonly shown = new Map<string, Shown>();
  private filter: ChannelFilter = 'all';
  private added = 0;

  constructor(
    private readonly list: HTMLOListElement,
    private readonly summary: HTMLElement,
  ) {}

  /** Adds messages, oldest first (replacing those of the same channel and key), then shows the list in order. */
  add(messages: readonly OutboxMessage[], arrivedLive: boolean): void {
    for (const message of messages) {
      const id = `${message.channel}.${message.key}`;
      const earlier = this.shown.get(id);
      if (earlier && earlier.message.deliveredAt > message.deliveredAt) continue;
      if (earlier && earlier.message.deliveredAt === message.deliveredAt && !arrivedLive) continue;
      this.shown.set(id, { message, node: messageNode(message, arrivedLive), added: ++this.added });
    }
    this.render(arrivedLive ? messages.at(-1) : undefined);
  }

  show(filter: ChannelFilter): void {
    this.filter = filter;
    this.render(undefined);
  }

  private render(latest: OutboxMessage | undefined): void {
    const ordered = [...this.shown.values()].sort((a, b) => b.message.deliveredAt.localeCompare(a.message.deliveredAt) || b.added - a.added);
    for (const { message, node } of ordered) node.hidden = this.filter !== 'all' && message.channel !== this.filter;
    this.list.replaceChildren(...ordered.map(({ node }) => node));
    const visible = ordered.filter(({ node }) => !node.hidden).length;
    const which = this.filter === 'all' ? '' : ` (${CHANNEL_LABELS[this.filter]} only)`;
    const count = this.filter === 'all' ? plural(ordered.length, 'message') : `${visible} of ${plural(ordered.length, 'message')}`;
    const arrived = latest ? ` New: ${describe(latest)}.` : '';
    this.summary.textContent = ordered.length === 0 ? 'No messages yet. Effects deliver here while no SMTP server, Slack webhook or SMS gateway is set.' : `${count}${which}, newest first.${arrived}`;
  }
}

const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** A message in a few words, for the summary that screen readers announce. */
const describe = (message: OutboxMessage): string => {
  const to = field(message.payload, 'to');
  return `${CHANNEL_LABELS[message.channel]}${to ? ` to ${to}` : ''}`;
};

/** A text field of a payload, if it has one. */
const field = (payload: unknown, name: string): string | undefined => {
  const value = typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : undefined;
};

const element = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
};

/** One message: its channel and time, the fields it would have been sent with, its text, and where it came from. */
const messageNode = (message: OutboxMessage, arrivedLive: boolean): HTMLLIElement => {
  const item = element('li', 'message');
  item.dataset.channel = message.channel;
  item.dataset.key = message.key;
  if (arrivedLive) item.dataset.new = 'true';
  const header = element('header', 'message-header');
  header.append(element('span', 'channel', CHANNEL_LABELS[message.channel]));
  if (arrivedLive) header.append(element('span', 'new-label', 'New'));
  const time = element('time', 'delivered-at', new Date(message.deliveredAt).toLocaleString());
  time.dateTime = message.deliveredAt;
  header.append(time);
  const fields = element('dl', 'fields');
  for (const [name, label] of [['to', 'To'], ['subject', 'Subject']] as const) {
    const value = field(message.payload, name);
    if (value !== undefined) fields.append(element('dt', '', label), element('dd', '', value));
  }
  const text = field(message.payload, 'text');
  const body = element('p', 'text', text ?? JSON.stringify(message.payload, null, 2));
  const origin = element('p', 'origin', `Key ${message.key} · attempt ${message.attempt} · correlation id ${message.correlationId}`);
  item.append(header, ...(fields.childElementCount > 0 ? [fields] : []), body, origin);
  return item;
};
