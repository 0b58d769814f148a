// The secure transport every call runs on (roadmap item 3). Layer order (CONVENTIONS 2):
//
//   UDP socket (one per call: BUNDLE, RFC 8843; rtcp-mux, RFC 5761)
//     -> demux/   RFC 7983: first byte 0-3 STUN, 20-63 DTLS, 128-191 RTP/RTCP; the rest dropped+counted
//     -> ice/     RFC 8445 agent + RFC 8489 STUN: host (and srflx) candidates, checks, nomination,
//                 consent freshness (RFC 7675), ICE restart
//     -> dtls/    DTLS 1.2 (RFC 6347) keying SRTP (RFC 5763/5764): ECDHE_ECDSA_AES_128_GCM on P-256,
//                 AEAD_AES_128_GCM > AES_CM_128_HMAC_SHA1_80 > _32, never NULL; our own fingerprint
//                 check and handshake-signature verification; early records buffered
//     -> ../srtp  SrtpSession (the project's SRTP/SRTCP), keyed from exportKeyingMaterial
//     -> sctp/    SCTP over DTLS (RFC 8261) + DCEP (RFC 8832): the CLUE data channel (RFC 8850)
//   SDP text for it lives in ../sdp, RTP/VP8 packets in ../rtp.
//
// The API the call layer uses:
//
//   const certs = new CertificateManager({ storePath });           // one identity per device, rotated
//   const t = await createCallTransport({ certificate: await certs.current(), hostAddresses: ['192.0.2.10'] });
//   t.events.on('statechange', (state, reason) => ...);            // new -> checking -> connected -> closed | failed(reason)
//   t.events.on('candidate', (c) => signal(serializeCandidate(c))); // trickle, srflx when a STUN server is set
//   const offer = t.createOffer();   t.setRemoteAnswer(answer);     // we offer (ICE controlling, a=setup:actpass)
//   const answer = t.createAnswer(offer);                           // or we answer (controlled, a=setup:active)
//   t.addRemoteCandidate('candidate:...');
//   t.events.on('datachannel', (ch) => ...);                        // the peer opened one (e.g. CLUE)
//   const clue = t.openClueChannel();                               // after 'connected'; label CLUE, protocol clue
//   clue.events.on('message', (xml) => ...); clue.send(xml); clue.close();
//   t.sendVideoFrame(vp8Frame, rtpTimestamp90k);  t.sendRtp(rtp);   t.events.on('rtp', (plain) => ...);
//   const restartOffer = t.restartIce();                            // RFC 8445 §9; DTLS/SRTP continue
//   t.stats();  t.close();                                          // close() is idempotent and closes children
//
// Failures end the call with a reason: "DTLS fingerprint mismatch: ...", "peer offered no acceptable
// SRTP protection profile (offered: NULL_HMAC_SHA1_80, ...)", "ICE failed: consent expired ...".
// Garbage datagrams never end a call: they are dropped and counted in stats().demux.dropped.
export { CallTransport, createCallTransport, CALL_TRANSPORT_TRANSITIONS, type CallTransportOptions, type CallTransportState, type CallTransportEvents } from './callTransport';
export { CertificateManager, createDtlsCertificate, fingerprintOf, parseFingerprint, type DtlsCertificate, type Fingerprint } from './certificate';
export { UdpDemux, classifyDatagram, type RemoteAddress, type PacketClass } from './demux';
export { IceAgent, parseCandidate, serializeCandidate, type IceCandidate, type IceState } from './ice';
export { DtlsTransport, type DtlsState, type DtlsRole, type DatagramTransport } from './dtls';
export { DataChannel, DataChannels, CLUE_CHANNEL, clueChannelProblem, isClueChannel, type DataChannelState } from './sctp';
export { ParseError, InvalidStateError, InvalidTransitionError } from './errors';
