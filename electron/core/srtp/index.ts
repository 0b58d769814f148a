// Public surface of the SRTP layer (RFC 3711, RFC 7714, RFC 6904; DTLS-SRTP keying per RFC 5764).
// The transport uses these; the crypto primitives stay internal to this folder.
export * from './types';
export { SrtpSession, DEFAULT_MAX_PACKET_SIZE } from './session';
export { SrtpError } from './errors';
export {
  DTLS_SRTP_EXPORTER_LABEL,
  chooseSrtpProfile,
  offeredSrtpProfileIds,
  srtpKeyingMaterialLength,
  srtpKeysFromExporter,
  srtpProfileFromId,
} from './dtlsSrtp';
export { PROFILE_PARAMS, SRTP_PROFILES, isSrtpProfile, type ProfileParams } from './profiles';
export { SRTP_KEY_LIMIT, SRTCP_KEY_LIMIT } from './keyLimit';
