// An incremental parser for the text/event-stream format (HTML Living Standard §9.2.6 "Event stream
// interpretation"): lines end in LF, CR or CRLF; "event:" names the event, "data:" lines are joined
// with LF, ":" starts a comment, a blank line dispatches. Chunks may split anywhere, even in a CRLF.
export interface ServerSentEvent {
  event: string;
  data: string;
}

/** A line (or an event's data) longer than this is dropped rather than buffered without end. */
export const MAX_EVENT_CHARS = 1024 * 1024;

export class SseParser {
  private pending = '';
  private eventName = '';
  private data: string[] = [];
  private dataChars = 0;
  private dropping = false;
  /** Events dropped for being too long. */
  dropped = 0;

  /** Feeds decoded text; returns the events it completed. */
  push(text: string): ServerSentEvent[] {
    const out: ServerSentEvent[] = [];
    this.pending += text;
    for (;;) {
      const end = this.lineEnd();
      if (end === undefined) break;
      this.line(this.pending.slice(0, end.at), out);
      this.pending = this.pending.slice(end.at + end.length);
    }
    if (this.pending.length > MAX_EVENT_CHARS) {
      this.pending = '';
      this.dropping = true;
    }
    return out;
  }

  /** The first complete line end; a CR at the very end waits: the next chunk may start with its LF. */
  private lineEnd(): { at: number; length: number } | undefined {
    const lf = this.pending.indexOf('\n');
    const cr = this.pending.indexOf('\r');
    if (cr === -1 || (lf !== -1 && lf < cr)) return lf === -1 ? undefined : { at: lf, length: 1 };
    if (cr === this.pending.length - 1) return undefined;
    return { at: cr, length: this.pending[cr + 1] === '\n' ? 2 : 1 };
  }

  private line(line: string, out: ServerSentEvent[]): void {
    if (line === '') {
      if (this.dropping) this.dropped++;
      else if (this.data.length) out.push({ event: this.eventName || 'message', data: this.data.join('\n') });
      this.eventName = '';
      this.data = [];
      this.dataChars = 0;
      this.dropping = false;
      return;
    }
    if (line.startsWith(':') || this.dropping) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.eventName = value;
    else if (field === 'data') {
      this.dataChars += value.length;
      if (this.dataChars > MAX_EVENT_CHARS) {
        this.dropping = true;
        this.data = [];
      } else this.data.push(value);
    }
    // "id" and "retry" are not used by the bridge; unknown fields are ignored, as the standard says.
  }
}
