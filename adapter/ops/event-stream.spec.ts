import { EventStream } from './event-stream';

const read = (stream: EventStream): string => {
  const chunks: Buffer[] = [];
  for (let chunk: unknown; (chunk = stream.body.read()) !== null; ) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

describe('a server-sent events body', () => {
  it('writes events with their id and one line of JSON, and comments', () => {
    const stream = new EventStream(1_024);
    expect(stream.event('message', 7, { text: 'two\nlines' })).toBe(true);
    expect(stream.comment('heartbeat')).toBe(true);
    expect(read(stream)).toBe('id: 7\nevent: message\ndata: {"text":"two\\nlines"}\n\n: heartbeat\n\n');
  });

  it('ends once more than its bound waits for a client that does not read, and writes nothing after', () => {
    const stream = new EventStream(100);
    expect(stream.event('message', 1, { text: 'x'.repeat(40) })).toBe(true);
    expect(stream.event('message', 2, { text: 'x'.repeat(40) })).toBe(false);
    expect([stream.tooSlow, stream.body.writableEnded]).toEqual([true, true]);
    expect(stream.comment('heartbeat')).toBe(false);
  });
});
