// The outbox page: wires the access token, the channel filter, the list of deliveries and their live feed.
import { OutboxFeed, type FeedStatus } from './outbox-feed.js';
import { OutboxList, type ChannelFilter } from './outbox-list.js';
import type { OutboxMessage, Problem } from './outbox-protocol.js';

const TOKEN_KEY = 'outbox.access-token';
/** As many as `GET /outbox` answers at once: the newest, before those that arrive live. */
const RECENT = 500;
const STATUS_LABELS: Readonly<Record<FeedStatus, string>> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  unauthorized: 'Access token refused',
};

const byId = <T extends HTMLElement>(id: string, type: { new (): T; prototype: T }): T => {
  const node = document.getElementById(id);
  if (!(node instanceof type)) throw new Error(`the page has no #${id}`);
  return node;
};

const tokenInput = byId('access-token', HTMLInputElement);
const connection = byId('connection', HTMLElement);
const linkProblem = byId('link-problem', HTMLElement);
const list = new OutboxList(byId('messages', HTMLOListElement), byId('summary', HTMLElement));

/** sessionStorage can be unavailable (privacy settings): the token then lasts as long as the page. */
const storedToken = (): string => {
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
};
const storeToken = (token: string): void => {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // Nothing to keep it in: it still applies to this page.
  }
};
const credentials = (): Record<string, string> => (tokenInput.value.trim() ? { authorization: `Bearer ${tokenInput.value.trim()}` } : {});

const showStatus = (status: FeedStatus): void => {
  connection.dataset.state = status;
  connection.textContent = STATUS_LABELS[status];
  if (status === 'live') linkProblem.hidden = true;
};

const showProblem = (problem: Problem): void => {
  linkProblem.textContent = `${problem.title}: ${problem.detail}`;
  linkProblem.hidden = false;
};

/** What was delivered before the feed went live; asked again at each (re)connection, the list keeping one of each. */
const loadRecent = async (): Promise<void> => {
  try {
    const response = await fetch(`/outbox?limit=${RECENT}`, { headers: { accept: 'application/json', ...credentials() }, cache: 'no-store' });
    if (!response.ok) return showProblem((await response.json()) as Problem);
    list.add(((await response.json()) as { messages: OutboxMessage[] }).messages.reverse(), false);
  } catch {
    showProblem({ title: 'Not loaded', status: 0, detail: 'the earlier messages could not be loaded; they come with the next connection' });
  }
};

const feed = new OutboxFeed({
  headers: credentials,
  status: showStatus,
  problem: showProblem,
  ready: () => void loadRecent(),
  message: (message) => list.add([message], true),
});

for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="channel"]')) {
  radio.addEventListener('change', () => {
    if (radio.checked) list.show(radio.value as ChannelFilter);
  });
}
tokenInput.value = storedToken();
tokenInput.addEventListener('change', () => {
  storeToken(tokenInput.value.trim());
  feed.restart();
});
feed.start();
