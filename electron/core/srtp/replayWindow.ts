// Replay protection (RFC 3711 §3.3.2): a sliding window of the last N packet indices below the highest
// authenticated one. Indices are up to 48 bits (SRTP) or 31 bits (SRTCP), exact in a JS number.
// The bitmap is a ring indexed by (index mod N), N a multiple of 32.

export type ReplayVerdict = 'new' | 'replay' | 'too-old';

export class ReplayWindow {
  readonly size: number;
  private readonly bits: Uint32Array;
  /** Highest index accepted so far; -1 before the first. */
  highest = -1;

  constructor(size = 128) {
    if (!Number.isInteger(size) || size < 128) throw new RangeError('replay window must be at least 128 packets');
    this.size = Math.ceil(size / 32) * 32;
    this.bits = new Uint32Array(this.size / 32);
  }

  check(index: number): ReplayVerdict {
    if (index > this.highest) return 'new';
    if (this.highest - index >= this.size) return 'too-old';
    const slot = index % this.size;
    return this.bits[slot >>> 5]! & (1 << (slot & 31)) ? 'replay' : 'new';
  }

  /** Records an authenticated index (check() must have said 'new'). */
  accept(index: number): void {
    if (index > this.highest) {
      const advance = this.highest < 0 ? this.size : index - this.highest;
      if (advance >= this.size) this.bits.fill(0);
      else for (let i = this.highest + 1; i <= index; i++) this.clear(i % this.size);
      this.highest = index;
    }
    const slot = index % this.size;
    this.bits[slot >>> 5] = this.bits[slot >>> 5]! | (1 << (slot & 31));
  }

  private clear(slot: number): void {
    this.bits[slot >>> 5] = this.bits[slot >>> 5]! & ~(1 << (slot & 31));
  }
}
