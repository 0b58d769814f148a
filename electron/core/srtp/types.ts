// The SRTP layer's public shape (RFC 3711, RFC 7714, RFC 6904, RFC 5764). The transport depends on
// this, not on the implementation; a second (inner, PERC RFC 8723) transform will plug in beside it.

/** The protection profiles we implement. NULL profiles are never offered nor accepted (RFC 8849 §7). */
export type SrtpProfile =
  | 'AEAD_AES_128_GCM'
  | 'AEAD_AES_256_GCM'
  | 'AES_CM_128_HMAC_SHA1_80'
  | 'AES_CM_128_HMAC_SHA1_32';

/** DTLS-SRTP protection profile identifiers (RFC 5764 §4.1.2, RFC 7714 §14.2). */
export const DTLS_SRTP_PROFILE_IDS: Readonly<Record<SrtpProfile, number>> = {
  AES_CM_128_HMAC_SHA1_80: 0x0001,
  AES_CM_128_HMAC_SHA1_32: 0x0002,
  AEAD_AES_128_GCM: 0x0007,
  AEAD_AES_256_GCM: 0x0008,
};

/** Our preference, best first: AEAD (RFC 8849 §7 prefers AEAD), then the mandatory _80, then _32. */
export const SRTP_PROFILE_PREFERENCE: readonly SrtpProfile[] = [
  'AEAD_AES_128_GCM',
  'AES_CM_128_HMAC_SHA1_80',
  'AES_CM_128_HMAC_SHA1_32',
];

export interface SrtpKeys {
  profile: SrtpProfile;
  masterKey: Uint8Array;
  masterSalt: Uint8Array;
}

export interface SrtpSessionOptions {
  keys: SrtpKeys;
  /** RTP header extension ids negotiated as encrypted (RFC 6904, SDP "urn:ietf:params:rtp-hdrext:encrypt"). */
  encryptedHeaderExtensionIds?: readonly number[];
  /** Replay window in packets; at least 128 (the default). */
  replayWindow?: number;
}

/** Why a packet was dropped; every drop is counted under its reason. */
export type SrtpDropReason =
  | 'truncated'
  | 'oversized'
  | 'malformed'
  | 'auth'
  | 'replay'
  | 'too-old'
  | 'key-exhausted';

export type UnprotectResult = { ok: true; packet: Uint8Array } | { ok: false; reason: SrtpDropReason };

/** Key lifetime (RFC 3711 §9.2): the caller must rekey, or end the session, once this fires. */
export interface SrtpKeyLimitEvent {
  kind: 'srtp' | 'srtcp';
  packets: number;
}
