// Newline-delimited JSON over a child's stdio: the signalling channel of the interop peers.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

export class JsonLines {
  private readonly queue: Record<string, unknown>[] = [];
  private readonly waiters: ((m: Record<string, unknown>) => void)[] = [];

  constructor(
    input: Readable,
    private readonly output: Writable,
  ) {
    createInterface({ input }).on('line', (line) => {
      let msg: Record<string, unknown>;
      try {
        msg = JSON.parse(line) as Record<string, unknown>;
      } catch {
        return;
      }
      const w = this.waiters.shift();
      if (w) w(msg);
      else this.queue.push(msg);
    });
  }

  send(msg: Record<string, unknown>): void {
    this.output.write(`${JSON.stringify(msg)}\n`);
  }

  next(timeoutMs = 20_000): Promise<Record<string, unknown>> {
    const m = this.queue.shift();
    if (m) return Promise.resolve(m);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('peer did not answer in time')), timeoutMs);
      this.waiters.push((msg) => {
        clearTimeout(timer);
        resolve(msg);
      });
    });
  }

  async expect(type: string, timeoutMs?: number): Promise<Record<string, unknown>> {
    for (;;) {
      const m = await this.next(timeoutMs);
      if (m.type === type) return m;
    }
  }
}
