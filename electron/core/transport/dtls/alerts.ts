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
