// The device's DTLS certificate and SDP fingerprints (RFC 8122, RFC 5763 §5).
export { CertificateManager, createDtlsCertificate, DEFAULT_ROTATE_AFTER_MS, type DtlsCertificate, type CertificateManagerOptions } from './certificateManager';
export { fingerprintOf, parseFingerprint, formatFingerprint, certificateMatches, type Fingerprint, type FingerprintAlgorithm } from './fingerprint';
