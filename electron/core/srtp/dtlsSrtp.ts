// DTLS-SRTP keying (RFC 5764 §4.1.2, §4.2; RFC 7714 §14.2): the profile both ends pick from the
// use_srtp extension, and the split of the exporter output
//   EXTRACTOR-dtls_srtp = client_write_SRTP_master_key | server_write_SRTP_master_key |
//                         client_write_SRTP_master_salt | server_write_SRTP_master_salt
// into the keys we send with (local) and the keys the peer sends with (remote).
import { PROFILE_PARAMS } from './profiles';
import { DTLS_SRTP_PROFILE_IDS, SRTP_PROFILE_PREFERENCE, type SrtpKeys, type SrtpProfile } from './types';

/** The exporter label (RFC 5764 §4.2). */
export const DTLS_SRTP_EXPORTER_LABEL = 'EXTRACTOR-dtls_srtp';

/** Octets to export for `profile`: 2 * (master key + master salt). */
export function srtpKeyingMaterialLength(profile: SrtpProfile): number {
  const p = PROFILE_PARAMS[profile];
  return 2 * (p.masterKeyLength + p.masterSaltLength);
}

export function srtpKeysFromExporter(
  profile: SrtpProfile,
  keyingMaterial: Uint8Array,
  role: 'client' | 'server',
): { local: SrtpKeys; remote: SrtpKeys } {
  const p = PROFILE_PARAMS[profile];
  const expected = srtpKeyingMaterialLength(profile);
  if (keyingMaterial.length !== expected) {
    throw new RangeError(`${profile} needs ${expected} octets of keying material, got ${keyingMaterial.length}`);
  }
  const k = p.masterKeyLength;
  const s = p.masterSaltLength;
  // A fresh copy even when given a Buffer (whose slice() is a view): the caller zeroes its material.
  const copy = (from: number, n: number): Uint8Array => Uint8Array.prototype.slice.call(keyingMaterial, from, from + n);
  const client: SrtpKeys = { profile, masterKey: copy(0, k), masterSalt: copy(2 * k, s) };
  const server: SrtpKeys = { profile, masterKey: copy(k, k), masterSalt: copy(2 * k + s, s) };
  return role === 'client' ? { local: client, remote: server } : { local: server, remote: client };
}

/**
 * The profile we select from the peer's offered DTLS-SRTP profile ids (RFC 5764 §4.1.1): the first of
 * SRTP_PROFILE_PREFERENCE that was offered; never a NULL profile; null when nothing acceptable.
 */
export function chooseSrtpProfile(offered: readonly number[]): SrtpProfile | null {
  for (const profile of SRTP_PROFILE_PREFERENCE) {
    if (offered.includes(DTLS_SRTP_PROFILE_IDS[profile])) return profile;
  }
  return null;
}

/** Our DTLS-SRTP profile ids in preference order, for the use_srtp extension we send. */
export function offeredSrtpProfileIds(): number[] {
  return SRTP_PROFILE_PREFERENCE.map((p) => DTLS_SRTP_PROFILE_IDS[p]);
}

/** The profile for a DTLS-SRTP id, or null (unknown ids and the NULL profiles 0x0005/0x0006). */
export function srtpProfileFromId(id: number): SrtpProfile | null {
  for (const [name, value] of Object.entries(DTLS_SRTP_PROFILE_IDS) as [SrtpProfile, number][]) {
    if (value === id) return name;
  }
  return null;
}
