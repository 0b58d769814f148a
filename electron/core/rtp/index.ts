// RTP (RFC 3550) and the VP8 payload format (RFC 7741): what the transport needs to send real frames.
export { parseRtp, serializeRtp, type RtpHeader, type RtpPacket } from './rtpPacket';
export { Vp8Packetizer, parseVp8Descriptor, isVp8KeyFrame, type Vp8Descriptor, type Vp8PacketizerOptions } from './vp8';
export { parseIvf, type IvfFrame } from './ivf';
