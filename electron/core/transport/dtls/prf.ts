// The TLS 1.2 PRF (RFC 5246 §5, P_SHA256), the keying-material exporter (RFC 5705 §4) and Finished
// verify_data (RFC 5246 §7.4.9). Pure functions over node:crypto; the DTLS transport uses them to
// check what werift's handshake code does not, and to export SRTP keys (RFC 5764 §4.2).
import { createHash, createHmac } from 'node:crypto';

export function prfSha256(secret: Uint8Array, label: string, seed: Uint8Array, length: number): Uint8Array {
  const labelSeed = Buffer.concat([Buffer.from(label, 'ascii'), seed]);
  const out = Buffer.alloc(length);
  let a: Uint8Array = labelSeed;
  let written = 0;
  while (written < length) {
    a = createHmac('sha256', secret).update(a).digest();
    const block = createHmac('sha256', secret).update(a).update(labelSeed).digest();
    block.copy(out, written, 0, Math.min(block.length, length - written));
    written += block.length;
  }
  return out;
}

/** RFC 5705 §4: PRF(master, label, client_random + server_random [+ uint16 context length + context]). */
export function exportKeyingMaterial(
  masterSecret: Uint8Array,
  clientRandom: Uint8Array,
  serverRandom: Uint8Array,
  label: string,
  context: Uint8Array | undefined,
  length: number,
): Uint8Array {
  const parts: Uint8Array[] = [clientRandom, serverRandom];
  if (context) {
    if (context.length > 0xffff) throw new RangeError('exporter context too long');
    parts.push(Uint8Array.of(context.length >> 8, context.length & 0xff), context);
  }
  // A plain Uint8Array: Buffer.slice() returns views, and callers slice keys out of this.
  return new Uint8Array(prfSha256(masterSecret, label, Buffer.concat(parts), length));
}

/** RFC 5246 §7.4.9: verify_data = PRF(master, finished_label, SHA-256(handshake_messages))[0..11]. */
export function finishedVerifyData(masterSecret: Uint8Array, sender: 'client' | 'server', transcript: Uint8Array): Uint8Array {
  const hash = createHash('sha256').update(transcript).digest();
  return prfSha256(masterSecret, `${sender} finished`, hash, 12);
}
