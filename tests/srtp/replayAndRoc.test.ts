// RFC 3711 §3.3.1 / Appendix A index estimation and §3.3.2 replay window, as units and as properties.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReplayWindow } from '../../electron/core/srtp/replayWindow';
import { estimateIndex } from '../../electron/core/srtp/rocEstimate';

describe('RFC 3711 §3.3.1 packet index estimation', () => {
  it('takes the first packet at ROC 0', () => {
    expect(estimateIndex(-1, 65535)).toBe(65535);
  });

  it('moves to ROC + 1 when SEQ wraps past 65535', () => {
    expect(estimateIndex(65535, 0)).toBe(65536);
    expect(estimateIndex(3 * 65536 + 40000, 10)).toBe(4 * 65536 + 10);
  });

  it('keeps a late packet from the previous cycle at ROC - 1', () => {
    expect(estimateIndex(65536 + 2, 65534)).toBe(65534);
    expect(estimateIndex(7 * 65536 + 100, 60000)).toBe(6 * 65536 + 60000);
  });

  it('never guesses below ROC 0', () => {
    expect(estimateIndex(10, 60000)).toBe(60000);
  });

  it('recovers the true index whenever it is within 2^15 of the highest (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0x8000, max: 2 ** 40 }), fc.integer({ min: -0x7fff, max: 0x7fff }), (highest, delta) => {
        const truth = highest + delta;
        return estimateIndex(highest, truth % 65536) === truth;
      }),
    );
  });
});

describe('RFC 3711 §3.3.2 replay window', () => {
  it('accepts each index of a shuffled window exactly once (property)', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([...Array(128).keys()], { minLength: 128, maxLength: 128 }), fc.integer({ min: 0, max: 2 ** 47 }), (order, base) => {
        const w = new ReplayWindow(128);
        w.accept(base + 127);
        let accepted = 0;
        for (const i of order) {
          if (w.check(base + i) === 'new') {
            w.accept(base + i);
            accepted++;
          }
        }
        return accepted === 127 && order.every((i) => w.check(base + i) === 'replay');
      }),
    );
  });

  it('reports too-old below the window and forgets nothing inside it after a jump', () => {
    const w = new ReplayWindow(128);
    w.accept(1000);
    w.accept(1100);
    expect(w.check(1000)).toBe('replay');
    expect(w.check(1100 - 128)).toBe('too-old');
    expect(w.check(1050)).toBe('new');
    w.accept(5000);
    expect(w.check(4900)).toBe('new');
    expect(w.check(1100)).toBe('too-old');
  });
});
