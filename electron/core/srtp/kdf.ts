// SRTP key derivation (RFC 3711 §4.3.1 and §4.3.3; RFC 6188 §7 for AES-256; RFC 7714 §11 for GCM).
// With a key derivation rate of 0 (DTLS-SRTP, RFC 5764 §4.1.2), r = index DIV kdr = 0, so
//   x = (label << 48) XOR master_salt,   session_key = AES-CM(master_key, IV = x * 2^16), truncated.
// A 96-bit GCM master salt is padded on the right with zeros to 112 bits, as RFC 7714 §11 and libsrtp do.
import { AesCtrKeystream } from './aesCm';
import { PROFILE_PARAMS } from './profiles';
import type { SrtpKeys } from './types';

/** Key derivation labels (RFC 3711 §4.3.2; RFC 6904 §4 adds 0x06/0x07 for header extensions). */
export const KDF_LABEL = {
  rtpEncryption: 0x00,
  rtpAuthentication: 0x01,
  rtpSalt: 0x02,
  rtcpEncryption: 0x03,
  rtcpAuthentication: 0x04,
  rtcpSalt: 0x05,
  rtpHeaderEncryption: 0x06,
  rtpHeaderSalt: 0x07,
} as const;

/** One session key of `length` octets for `label` (RFC 3711 §4.3.1 with kdr = 0). */
export function deriveSessionKey(masterKey: Uint8Array, masterSalt: Uint8Array, label: number, length: number): Uint8Array {
  if (masterSalt.length > 14) throw new RangeError('master salt longer than 112 bits');
  const iv = new Uint8Array(16);
  iv.set(masterSalt, 0); // salt occupies octets 0..13 (x * 2^16); a 96-bit salt is zero-padded
  iv[7] = (iv[7] ?? 0) ^ label; // label sits 48 bits above the (zero) index: octet 7 of the 14
  return new AesCtrKeystream(masterKey, length).keystream(iv, length).subarray(0, length);
}

export interface DirectionKeys {
  encryptionKey: Uint8Array;
  salt: Uint8Array;
  /** HMAC-SHA1 key; empty for AEAD profiles. */
  authKey: Uint8Array;
}

export interface SessionKeys {
  rtp: DirectionKeys;
  rtcp: DirectionKeys;
  /** RFC 6904 header extension key and (14-octet, zero-padded for GCM) salt. */
  rtpHeader: { encryptionKey: Uint8Array; salt: Uint8Array };
}

export function deriveSessionKeys(keys: SrtpKeys): SessionKeys {
  const p = PROFILE_PARAMS[keys.profile];
  if (keys.masterKey.length !== p.masterKeyLength) {
    throw new RangeError(`${keys.profile} needs a ${p.masterKeyLength}-octet master key, got ${keys.masterKey.length}`);
  }
  if (keys.masterSalt.length !== p.masterSaltLength) {
    throw new RangeError(`${keys.profile} needs a ${p.masterSaltLength}-octet master salt, got ${keys.masterSalt.length}`);
  }
  const d = (label: number, length: number): Uint8Array => deriveSessionKey(keys.masterKey, keys.masterSalt, label, length);
  const kl = p.masterKeyLength;
  const headerSalt = new Uint8Array(14);
  headerSalt.set(d(KDF_LABEL.rtpHeaderSalt, p.sessionSaltLength), 0);
  return {
    rtp: {
      encryptionKey: d(KDF_LABEL.rtpEncryption, kl),
      salt: d(KDF_LABEL.rtpSalt, p.sessionSaltLength),
      authKey: p.authKeyLength ? d(KDF_LABEL.rtpAuthentication, p.authKeyLength) : new Uint8Array(0),
    },
    rtcp: {
      encryptionKey: d(KDF_LABEL.rtcpEncryption, kl),
      salt: d(KDF_LABEL.rtcpSalt, p.sessionSaltLength),
      authKey: p.authKeyLength ? d(KDF_LABEL.rtcpAuthentication, p.authKeyLength) : new Uint8Array(0),
    },
    rtpHeader: { encryptionKey: d(KDF_LABEL.rtpHeaderEncryption, kl), salt: headerSalt },
  };
}
