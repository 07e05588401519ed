/**
 * The AsyncAPI document as a page of plain HTML: no script, one stylesheet from the app's origin,
 * every text escaped, so it renders under the app's Content-Security-Policy as it is.
 */
type Json = Record<string, unknown>;

const escape = (text: unknown): string =>
  (typeof text === 'string' || typeof text === 'number' ? String(text) : '').replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
const code = (text: unknown): string => `<code>${escape(text)}</code>`;
const entries = (value: unknown): [string, Json][] => Object.entries((value ?? {}) as Record<string, Json>);
const refName = (ref: unknown): string => String((ref as { $ref?: string } | undefined)?.$ref ?? '').split('/').pop() ?? '';
const anchor = (kind: string, name: string): string => `${kind}-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
const link = (kind: string, name: string): string => `<a href="#${anchor(kind, name)}">${escape(name)}</a>`;
const json = (value: unknown): string => `<pre>${escape(JSON.stringify(value, null, 2))}</pre>`;

const channelSection = ([id, channel]: [string, Json]): string => `
<section id="${anchor('channel', id)}">
  <h3>${channel.address === null ? '<em>dynamic address</em>' : code(channel.address)} <small>${escape(id)}</small></h3>
  <p>${escape(channel.description ?? channel.title ?? '')}</p>
  ${entries(channel.parameters).map(([name, parameter]) => `<p>${code(`{${name}}`)}: ${escape(parameter.description)}</p>`).join('')}
  <p>Messages: ${entries(channel.messages).map(([name]) => link('message', name)).join(', ')}</p>
</section>`;

const operationRow = ([id, operation]: [string, Json]): string => {
  const reply = operation.reply as Json | undefined;
  const messages = (operation.messages as unknown[]).map((message) => link('message', refName(message))).join(', ');
  const replies = reply ? ` → ${(reply.messages as unknown[]).map((message) => link('message', refName(message))).join(', ')}` : '';
  return `<tr><td>${escape(operation.action)}</td><td>${link('channel', refName(operation.channel))}</td><td>${messages}${replies}</td><td><strong>${escape(operation.title)}</strong><br>${escape(operation.summary)}<br><small>${escape(id)}</small></td></tr>`;
};

const messageSection = (schemas: Json) => ([name, message]: [string, Json]): string => {
  const payloadName = refName(message.payload);
  const payload = payloadName && schemas[payloadName] ? { [payloadName]: schemas[payloadName] } : message.payload;
  const data = schemas[`${name}Data`];
  const example = (message.examples as { payload?: unknown }[] | undefined)?.[0]?.payload;
  return `
<section id="${anchor('message', name)}">
  <h3>${escape(name)} <small>${code(message.contentType)}</small></h3>
  <p>${escape(message.summary)}</p>
  ${message.description ? `<p>${escape(message.description)}</p>` : ''}
  ${data ? `<details open><summary>data schema</summary>${json(data)}</details>` : ''}
  <details><summary>payload schema</summary>${json(payload)}</details>
  ${message.headers ? `<details><summary>headers</summary>${json(message.headers)}</details>` : ''}
  ${example ? `<details><summary>example</summary>${json(example)}</details>` : ''}
</section>`;
};

/** The HTML page of an AsyncAPI 3 document: its servers, channels, operations and messages. */
export const asyncApiPage = (document: Json, stylesheet: string, jsonPath: string): string => {
  const info = (document.info ?? {}) as Json;
  const components = (document.components ?? {}) as Json;
  const schemas = (components.schemas ?? {}) as Json;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escape(info.title)} – AsyncAPI</title>
<link rel="stylesheet" href="${escape(stylesheet)}">
<link rel="icon" href="data:,">
</head>
<body>
<header>
  <h1>${escape(info.title)} <small>${escape(info.version)} · AsyncAPI ${escape(document.asyncapi)}</small></h1>
  <p>${escape(info.description)}</p>
  <p>The document: <a href="${escape(jsonPath)}">${escape(jsonPath)}</a></p>
</header>
<main>
<h2>Servers</h2>
<ul>${entries(document.servers).map(([name, server]) => `<li>${escape(name)}: ${code(`${String(server.protocol)}://${String(server.host)}`)} ${escape(server.description)}</li>`).join('')}</ul>
<h2>Channels</h2>
${entries(document.channels).map(channelSection).join('')}
<h2>Operations</h2>
<table><thead><tr><th>action</th><th>channel</th><th>messages</th><th>what</th></tr></thead>
<tbody>${entries(document.operations).map(operationRow).join('')}</tbody></table>
<h2>Messages</h2>
${entries(components.messages).map(messageSection(schemas)).join('')}
</main>
</body>
</html>
`;
};

export const ASYNCAPI_STYLESHEET = `body { font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 1100px; padding: 1rem 2rem; color: #1f2328; }
h1 small, h3 small { color: #59636e; font-weight: normal; font-size: 0.7em; }
section { border-top: 1px solid #d1d9e0; padding: 0.4rem 0; }
code, pre { font: 13px ui-monospace, monospace; background: #f6f8fa; }
pre { padding: 0.6rem; overflow: auto; max-height: 28rem; }
table { border-collapse: collapse; width: 100%; }
td, th { border: 1px solid #d1d9e0; padding: 0.3rem 0.5rem; vertical-align: top; text-align: left; }
summary { cursor: pointer; color: #0969da; }
`;
