import { continueTrace, formatTraceparent, parseTraceparent } from './trace-context.ts';

describe('trace context', () => {
  it('continues a valid traceparent with a new span', () => {
    const trace = continueTrace('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01');
    expect(trace.traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(trace.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(trace.spanId).not.toBe('00f067aa0ba902b7');
    expect(formatTraceparent(trace)).toMatch(/^00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01$/);
  });

  it("parses the caller's context, or nothing from an invalid header", () => {
    expect(parseTraceparent(' 00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-00 ')).toEqual({
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      spanId: '00f067aa0ba902b7',
      flags: '00',
    });
    for (const header of [undefined, 'garbage', '00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01'])
      expect(parseTraceparent(header)).toBeNull();
  });

  it('starts a new trace for a missing, malformed or all-zero header', () => {
    for (const header of [undefined, 'garbage', '00-00000000000000000000000000000000-00f067aa0ba902b7-01']) {
      expect(formatTraceparent(continueTrace(header))).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
      expect(continueTrace(header).traceId).not.toMatch(/^0+$/);
    }
  });
});
