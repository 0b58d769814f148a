// The DTLS policy of this endpoint (RFC 8827 §6.5, RFC 8849 §7): DTLS 1.2 with
// TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 on P-256 only, and SRTP profiles AEAD_AES_128_GCM >
// AES_CM_128_HMAC_SHA1_80 > _32, never NULL. werift reads its offered cipher suites and curves from
// two module-level lists; they are narrowed here, once, for the whole process.
import { CipherSuite, CipherSuiteList, NamedCurveAlgorithm, NamedCurveAlgorithmList } from 'werift';
import { DTLS_SRTP_PROFILE_IDS, SRTP_PROFILE_PREFERENCE, type SrtpProfile } from '../../srtp/types';

export const TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 = 0xc02b;
export const NAMED_CURVE_P256 = 23;

let applied = false;
export function applyDtlsPolicy(): void {
  if (applied) return;
  applied = true;
  CipherSuiteList.splice(0, CipherSuiteList.length, CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256_49195);
  NamedCurveAlgorithmList.splice(0, NamedCurveAlgorithmList.length, NamedCurveAlgorithm.secp256r1_23);
}

/** Profile names by DTLS-SRTP id, including ones we refuse, for log lines. */
const PROFILE_NAMES: Record<number, string> = {
  0x0001: 'AES_CM_128_HMAC_SHA1_80',
  0x0002: 'AES_CM_128_HMAC_SHA1_32',
  0x0005: 'NULL_HMAC_SHA1_80',
  0x0006: 'NULL_HMAC_SHA1_32',
  0x0007: 'AEAD_AES_128_GCM',
  0x0008: 'AEAD_AES_256_GCM',
};
export const profileName = (id: number): string => PROFILE_NAMES[id] ?? `0x${id.toString(16).padStart(4, '0')}`;

export function profileIds(profiles: readonly SrtpProfile[] = SRTP_PROFILE_PREFERENCE): number[] {
  return profiles.map((p) => DTLS_SRTP_PROFILE_IDS[p]);
}

export function profileById(id: number, allowed: readonly SrtpProfile[] = SRTP_PROFILE_PREFERENCE): SrtpProfile | undefined {
  return allowed.find((p) => DTLS_SRTP_PROFILE_IDS[p] === id);
}

/** Our choice among a client's offered ids: our preference order first (RFC 5764 §4.1.1). */
export function selectProfile(offered: readonly number[], allowed: readonly SrtpProfile[] = SRTP_PROFILE_PREFERENCE): SrtpProfile | undefined {
  return allowed.find((p) => offered.includes(DTLS_SRTP_PROFILE_IDS[p]));
}
