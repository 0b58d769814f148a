// Transform parameters of each protection profile: RFC 3711 §5 and §8.2 (AES_CM_128_HMAC_SHA1_80 and
// _32), RFC 5764 §4.1.2 (SRTCP keeps an 80-bit tag under _32), RFC 7714 §12 and §14.2 (AEAD_AES_128_GCM,
// AEAD_AES_256_GCM: 96-bit salt, 16-octet tag, no separate authentication key).
import type { SrtpProfile } from './types';

export interface ProfileParams {
  readonly profile: SrtpProfile;
  readonly aead: boolean;
  readonly masterKeyLength: number;
  readonly masterSaltLength: number;
  /** Session salt length (RFC 3711 §4.3.3: 112 bits for AES-CM; RFC 7714 §11: 96 bits for GCM). */
  readonly sessionSaltLength: number;
  /** HMAC-SHA1 session authentication key length (RFC 3711 §4.3.3: 160 bits); 0 for AEAD. */
  readonly authKeyLength: number;
  readonly rtpTagLength: number;
  readonly rtcpTagLength: number;
}

const cm = (profile: SrtpProfile, rtpTagLength: number): ProfileParams => ({
  profile,
  aead: false,
  masterKeyLength: 16,
  masterSaltLength: 14,
  sessionSaltLength: 14,
  authKeyLength: 20,
  rtpTagLength,
  rtcpTagLength: 10,
});

const gcm = (profile: SrtpProfile, masterKeyLength: number): ProfileParams => ({
  profile,
  aead: true,
  masterKeyLength,
  masterSaltLength: 12,
  sessionSaltLength: 12,
  authKeyLength: 0,
  rtpTagLength: 16,
  rtcpTagLength: 16,
});

export const PROFILE_PARAMS: Readonly<Record<SrtpProfile, ProfileParams>> = {
  AES_CM_128_HMAC_SHA1_80: cm('AES_CM_128_HMAC_SHA1_80', 10),
  AES_CM_128_HMAC_SHA1_32: cm('AES_CM_128_HMAC_SHA1_32', 4),
  AEAD_AES_128_GCM: gcm('AEAD_AES_128_GCM', 16),
  AEAD_AES_256_GCM: gcm('AEAD_AES_256_GCM', 32),
};

export const SRTP_PROFILES = Object.keys(PROFILE_PARAMS) as SrtpProfile[];

export function isSrtpProfile(name: string): name is SrtpProfile {
  return Object.prototype.hasOwnProperty.call(PROFILE_PARAMS, name);
}
