// DTLS-SRTP keying (RFC 5763/5764) over DTLS 1.2 (RFC 6347), with our own peer authentication.
export { DtlsTransport, DTLS_TRANSITIONS, type DtlsRole, type DtlsState, type DtlsTransportOptions, type DtlsTransportEvents, type DatagramTransport } from './dtlsTransport';
export { applyDtlsPolicy, selectProfile, profileName, profileIds, TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 } from './policy';
export { exportKeyingMaterial, prfSha256, finishedVerifyData } from './prf';
export { verifyPeerHandshake, type HandshakeView } from './handshakeAuth';
export { parseClientHello, parseServerHello, parseUseSrtp, parseServerKeyExchange, parseCertificateVerify, parseFirstCertificate } from './helloCodec';
export { warmUpDtls } from './warmUp';
