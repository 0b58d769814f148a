import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_EVENT_CHARS, SseParser } from '../../renderer/bridge/sseParser';

const feed = (chunks: string[]) => {
  const p = new SseParser();
  return chunks.flatMap((c) => p.push(c));
};

describe('SSE parser (HTML §9.2.6)', () => {
  it('parses named events, default "message", multi-line data, comments and unknown fields', () => {
    const text = ': keepalive\n\nevent: snapshot\ndata: {"a":1}\n\ndata: one\ndata:two\nid: 7\nretry: 10\n\nevent: x\n\n';
    expect(feed([text])).toEqual([
      { event: 'snapshot', data: '{"a":1}' },
      { event: 'message', data: 'one\ntwo' },
    ]);
  });

  it('accepts CR and CRLF line ends, even a CRLF split between chunks', () => {
    // A CR at the very end of a chunk may be the first half of a CRLF: it ends its line once more arrives.
    expect(feed(['event: a\r\ndata: 1\r', '\n\r\n', 'event: b\rdata: 2\r\r', ':'])).toEqual([
      { event: 'a', data: '1' },
      { event: 'b', data: '2' },
    ]);
  });

  it('property: however the stream is split into chunks, the events are the same', () => {
    const event = fc.record({ event: fc.stringMatching(/^[a-z]{1,8}$/), data: fc.string({ maxLength: 40 }).map((s) => s.replace(/[\r\n]/g, ' ')) });
    fc.assert(
      fc.property(fc.array(event, { maxLength: 8 }), fc.constantFrom('\n', '\r\n', '\r'), fc.array(fc.nat(), { maxLength: 10 }), (events, eol, cuts) => {
        const text = events.map((e) => `event: ${e.event}${eol}data: ${e.data}${eol}${eol}`).join('');
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const chunks: string[] = [];
        let last = 0;
        for (const p of points) {
          chunks.push(text.slice(last, p));
          last = p;
        }
        chunks.push(text.slice(last));
        // A lone CR at the very end is only a line end once the stream says more; end with LF.
        const got = feed([...chunks, '\n']);
        expect(got).toEqual(events);
      }),
    );
  });

  it('drops an event larger than the limit and carries on', () => {
    const p = new SseParser();
    const huge = 'x'.repeat(MAX_EVENT_CHARS + 10);
    expect(p.push(`data: ${huge.slice(0, 500_000)}`)).toEqual([]);
    expect(p.push(`${huge.slice(500_000)}\n\n`)).toEqual([]);
    expect(p.dropped).toBe(1);
    expect(p.push('data: ok\n\n')).toEqual([{ event: 'message', data: 'ok' }]);
  });
});
