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
  /** Called at the soft limit (rekey soon) and at the hard limit (rekey now: nothing more passes). */
  onKeyLimit?: (ev: SrtpKeyLimitEvent) => void;
  /**
   * Packets one master key may protect or unprotect (RFC 3711 §9.2): 2^48 SRTP and 2^31 SRTCP by
   * default. A policy may set lower limits to rekey earlier (tests use small ones).
   */
  keyLimits?: { srtp?: number; srtcp?: number };
  /** Largest SRTP/SRTCP packet accepted or produced, in octets (default 16,384). */
  maxPacketSize?: number;
  /**
   * Let protect() reuse a packet index (a retransmission of the identical packet, as libsrtp's
   * allow_repeat_tx). Off by default: reusing an index with other content would reuse keystream.
   */
  allowRepeatTx?: boolean;
}

/** Counters of one session; every refusal is counted under its reason. */
export interface SrtpStats {
  rtpProtected: number;
  rtpUnprotected: number;
  rtcpProtected: number;
  rtcpUnprotected: number;
  drops: Record<SrtpDropReason, number>;
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
  /** 'soft': the key is near its limit, rekey soon; 'hard': the key is used up, nothing more passes. */
  level: 'soft' | 'hard';
  packets: number;
  limit: number;
}
