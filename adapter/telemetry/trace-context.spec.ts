import { remoteSpan, traceHeaders } from './trace-context';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const SPAN_ID = '00f067aa0ba902b7';
const TRACEPARENT = `00-${TRACE_ID}-${SPAN_ID}-01`;

describe('W3C trace context', () => {
  it('reads the remote span of a traceparent, with its tracestate, as HTTP and NATS headers carry them', () => {
    expect(remoteSpan({ traceparent: TRACEPARENT, tracestate: 'vendor=abc' })).toMatchObject({ traceId: TRACE_ID, spanId: SPAN_ID, traceFlags: 1, isRemote: true });
    expect(remoteSpan({ traceparent: [TRACEPARENT] })?.traceId).toBe(TRACE_ID);
    expect(remoteSpan({ traceparent: `00-${TRACE_ID}-${SPAN_ID}-00` })?.traceFlags).toBe(0);
  });

  it.each([
    ['no header', undefined],
    ['garbage', 'not-a-traceparent'],
    ['an all-zero trace id', `00-${'0'.repeat(32)}-${SPAN_ID}-01`],
    ['an all-zero span id', `00-${TRACE_ID}-${'0'.repeat(16)}-01`],
    ['a short trace id', `00-${TRACE_ID.slice(1)}-${SPAN_ID}-01`],
    ['version ff', `ff-${TRACE_ID}-${SPAN_ID}-01`],
  ])('names no remote span for %s, so a new trace starts', (_case, traceparent) => {
    expect(remoteSpan({ traceparent })).toBeUndefined();
  });

  it('writes a span as traceparent and tracestate headers that read back as the same span', () => {
    const span = remoteSpan({ traceparent: TRACEPARENT, tracestate: 'vendor=abc' });
    const headers = traceHeaders(span);
    expect(headers).toEqual({ traceparent: TRACEPARENT, tracestate: 'vendor=abc' });
    expect(remoteSpan(headers ?? {})).toMatchObject({ traceId: TRACE_ID, spanId: SPAN_ID });
  });

  it('writes no tracestate when there is none, and nothing for no span or an invalid one', () => {
    expect(traceHeaders({ traceId: TRACE_ID, spanId: SPAN_ID, traceFlags: 1 })).toEqual({ traceparent: TRACEPARENT });
    expect(traceHeaders(undefined)).toBeUndefined();
    expect(traceHeaders({ traceId: '0'.repeat(32), spanId: SPAN_ID, traceFlags: 1 })).toBeUndefined();
  });
});
