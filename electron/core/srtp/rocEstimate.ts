// Packet index estimation (RFC 3711 §3.3.1 and Appendix A): from the highest index seen (ROC and s_l)
// and a packet's 16-bit SEQ, guess the ROC the sender used: ROC - 1 when SEQ is "far above" s_l near the
// start of a cycle, ROC + 1 when SEQ is "far below" s_l late in a cycle. A guess below ROC 0 means the
// packet predates the stream start and is taken at ROC 0 (as libsrtp does). Indices are 48 bits.

const HALF = 0x8000;
const CYCLE = 0x10000;

/** Estimated 48-bit packet index of `seq`, given the highest index so far (-1 when none). */
export function estimateIndex(highest: number, seq: number): number {
  if (highest < 0) return seq;
  const roc = Math.floor(highest / CYCLE);
  const sl = highest - roc * CYCLE;
  let v = roc;
  if (sl < HALF) {
    if (seq - sl > HALF) v = roc - 1;
  } else if (sl - HALF > seq) {
    v = roc + 1;
  }
  if (v < 0) v = 0;
  return v * CYCLE + seq;
}

export const MAX_SRTP_INDEX = 2 ** 48 - 1;
export const MAX_SRTCP_INDEX = 2 ** 31 - 1;
