// RFC 7983 §7 (updating RFC 5764 §5.1.2): which protocol a datagram on the one BUNDLEd, rtcp-mux
// port belongs to, from its first byte. RTP and RTCP share 128..191 and are told apart by the
// payload-type byte (RFC 5761 §4: RTCP packet types 192..223 land on PT 64..95 with the marker bit).

export type PacketClass = 'stun' | 'dtls' | 'rtp' | 'rtcp' | 'zrtp' | 'turn-channel' | 'unknown';

export function classifyDatagram(data: Uint8Array): PacketClass {
  const b = data[0];
  if (b === undefined) return 'unknown';
  if (b <= 3) return 'stun';
  if (b >= 16 && b <= 19) return 'zrtp';
  if (b >= 20 && b <= 63) return 'dtls';
  if (b >= 64 && b <= 79) return 'turn-channel';
  if (b >= 128 && b <= 191) {
    const pt = data[1];
    if (pt === undefined) return 'unknown';
    const low = pt & 0x7f;
    return low >= 64 && low <= 95 ? 'rtcp' : 'rtp';
  }
  return 'unknown';
}
