// DTLS alert records (RFC 5246 §7.2, RFC 6347 §4.1): a plaintext fatal alert sent before the
// handshake has keys, and the record header for an encrypted one (close_notify after it).
export const ALERT = { closeNotify: 0, handshakeFailure: 40, badCertificate: 42 } as const;
const CONTENT_ALERT = 21;
const DTLS_1_2 = 0xfefd;

/** A DTLS 1.2 record header: type, version, epoch, 48-bit sequence number, length. */
export function recordHeader(contentType: number, epoch: number, sequence: number, length: number): Buffer {
  const h = Buffer.alloc(13);
  h.writeUInt8(contentType, 0);
  h.writeUInt16BE(DTLS_1_2, 1);
  h.writeUInt16BE(epoch, 3);
  h.writeUIntBE(sequence, 5, 6);
  h.writeUInt16BE(length, 11);
  return h;
}

/** Epoch-0 fatal alert (level 2). */
export function plaintextFatalAlert(description: number, sequence = 0x7f): Uint8Array {
  return Buffer.concat([recordHeader(CONTENT_ALERT, 0, sequence, 2), Buffer.from([2, description])]);
}

/** The AEAD input of close_notify (warning level 1, description 0), and its record's content type. */
export const CLOSE_NOTIFY_BODY = Buffer.from([1, ALERT.closeNotify]);
export { CONTENT_ALERT, DTLS_1_2 };

export interface AlertRecord {
  epoch: number;
  sequence: number;
  fragment: Uint8Array;
}

/** The alert records of a datagram (RFC 6347 §4.1 headers walked with their lengths checked). */
export function alertRecords(d: Uint8Array): AlertRecord[] {
  const out: AlertRecord[] = [];
  const v = new DataView(d.buffer, d.byteOffset, d.byteLength);
  for (let o = 0; o + 13 <= d.length; ) {
    const len = v.getUint16(o + 11);
    if (o + 13 + len > d.length) break;
    if (d[o] === CONTENT_ALERT) out.push({ epoch: v.getUint16(o + 3), sequence: v.getUint16(o + 5) * 2 ** 32 + v.getUint32(o + 7), fragment: d.subarray(o + 13, o + 13 + len) });
    o += 13 + len;
  }
  return out;
}
