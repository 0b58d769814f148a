// One SRTP/SRTCP crypto context per master key (RFC 3711 §3.2): many SSRCs, each with its own ROC,
// highest index and replay window (§3.3.1, §3.3.2), and its own SRTCP index (§3.4); state for an SSRC
// is created by the first packet that authenticates. unprotect*() never throws: a bad packet is dropped,
// counted under its reason and logged (rate-limited). protect*() throws SrtpError on caller errors.
import { createLogger } from '../log';
import { CmHmacTransform } from './cmTransform';
import { SrtpError } from './errors';
import { GcmTransform } from './gcmTransform';
import { HeaderExtensionCipher } from './headerExtension';
import { deriveSessionKeys } from './kdf';
import { KeyUsage } from './keyLimit';
import { PROFILE_PARAMS } from './profiles';
import { ReplayWindow } from './replayWindow';
import { estimateIndex, MAX_SRTCP_INDEX, MAX_SRTP_INDEX } from './rocEstimate';
import { LAYOUT_MALFORMED, readU32, rtcpHeaderCheck, rtpExtensionOffset, rtpHeaderLength } from './rtpLayout';
import { allocPacket, type SrtpTransform } from './transform';
import type { SrtpDropReason, SrtpProfile, SrtpSessionOptions, SrtpStats, UnprotectResult } from './types';

const log = createLogger('srtp');
export const DEFAULT_MAX_PACKET_SIZE = 16384;
const REASONS: readonly SrtpDropReason[] = ['truncated', 'oversized', 'malformed', 'auth', 'replay', 'too-old', 'key-exhausted'];

interface RtpStream {
  replay: ReplayWindow;
}
interface RtcpSendStream {
  lastIndex: number;
}

export class SrtpSession {
  readonly profile: SrtpProfile;
  readonly stats: SrtpStats;
  private readonly transform: SrtpTransform;
  private readonly headerCipher: HeaderExtensionCipher | null;
  private readonly usage: KeyUsage;
  private readonly maxPacket: number;
  private readonly windowSize: number;
  private readonly allowRepeatTx: boolean;
  private readonly sendRtp = new Map<number, RtpStream>();
  private readonly recvRtp = new Map<number, RtpStream>();
  private readonly sendRtcp = new Map<number, RtcpSendStream>();
  private readonly recvRtcp = new Map<number, RtpStream>();

  constructor(options: SrtpSessionOptions) {
    const { keys } = options;
    const params = PROFILE_PARAMS[keys.profile];
    if (!params) throw new RangeError(`unknown SRTP profile ${String(keys.profile)}`);
    this.profile = keys.profile;
    this.maxPacket = options.maxPacketSize ?? DEFAULT_MAX_PACKET_SIZE;
    this.windowSize = options.replayWindow ?? 128;
    new ReplayWindow(this.windowSize); // validates the size up front
    this.allowRepeatTx = options.allowRepeatTx ?? false;
    const sk = deriveSessionKeys(keys);
    this.transform = params.aead
      ? new GcmTransform(sk.rtp, sk.rtcp)
      : new CmHmacTransform(sk.rtp, sk.rtcp, params.rtpTagLength, this.maxPacket);
    const ids = options.encryptedHeaderExtensionIds ?? [];
    this.headerCipher = ids.length ? new HeaderExtensionCipher(sk.rtpHeader.encryptionKey, sk.rtpHeader.salt, ids) : null;
    const onKeyLimit = options.onKeyLimit;
    this.usage = new KeyUsage(options.keyLimits, (ev) => {
      log[ev.level === 'hard' ? 'warn' : 'info']('key limit reached', { kind: ev.kind, level: ev.level, packets: ev.packets });
      onKeyLimit?.(ev);
    });
    const drops = Object.fromEntries(REASONS.map((r) => [r, 0])) as Record<SrtpDropReason, number>;
    this.stats = { rtpProtected: 0, rtpUnprotected: 0, rtcpProtected: 0, rtcpUnprotected: 0, drops };
  }

  /** RTP → SRTP (RFC 3711 §3.3; RFC 7714 §8; RFC 6904 for the negotiated header extensions). */
  protectRtp(packet: Uint8Array): Uint8Array {
    const len = packet.length;
    const tagLen = this.transform.rtpTagLength;
    if (len + tagLen > this.maxPacket) this.refuse('rtp', 'oversized');
    const hl = rtpHeaderLength(packet, len);
    if (hl < 0) this.refuse('rtp', hl === LAYOUT_MALFORMED ? 'malformed' : 'truncated');
    if (this.usage.exhausted) this.refuse('rtp', 'key-exhausted');
    const ssrc = readU32(packet, 8);
    let stream = this.sendRtp.get(ssrc);
    const index = estimateIndex(stream ? stream.replay.highest : -1, (packet[2]! << 8) | packet[3]!);
    if (index > MAX_SRTP_INDEX) this.exhaustAndRefuse('srtp', 'rtp');
    const verdict = stream ? stream.replay.check(index) : 'new';
    if (verdict !== 'new' && !(verdict === 'replay' && this.allowRepeatTx)) this.refuse('rtp', verdict);
    const out = allocPacket(len + tagLen);
    out.set(packet, 0);
    const ext = rtpExtensionOffset(out);
    if (this.headerCipher && ext >= 0 && !this.headerCipher.apply(out, ext, ssrc, index)) this.refuse('rtp', 'malformed');
    this.transform.protectRtp(out, hl, len, ssrc, index);
    if (!stream) this.sendRtp.set(ssrc, (stream = { replay: new ReplayWindow(this.windowSize) }));
    if (verdict === 'new') stream.replay.accept(index);
    this.stats.rtpProtected++;
    this.usage.use('srtp');
    return out;
  }

  /** SRTP → RTP, or why the packet was dropped (RFC 3711 §3.3 steps 1-7). Never throws. */
  unprotectRtp(packet: Uint8Array): UnprotectResult {
    try {
      return this.unprotectRtpChecked(packet);
    } catch (err) {
      return this.drop('rtp', 'malformed', err);
    }
  }

  /** RTCP compound → SRTCP with E = 1 (RFC 3711 §3.4; RFC 7714 §9). */
  protectRtcp(packet: Uint8Array): Uint8Array {
    const len = packet.length;
    const trailer = this.transform.rtcpTrailerLength;
    if (len + trailer > this.maxPacket) this.refuse('rtcp', 'oversized');
    const hl = rtcpHeaderCheck(packet, len);
    if (hl < 0) this.refuse('rtcp', hl === LAYOUT_MALFORMED ? 'malformed' : 'truncated');
    if (this.usage.exhausted) this.refuse('rtcp', 'key-exhausted');
    const ssrc = readU32(packet, 4);
    let stream = this.sendRtcp.get(ssrc);
    // The first SRTCP index sent is 1, as libsrtp and pion send it; receivers accept any start.
    const index = (stream ? stream.lastIndex : 0) + 1;
    if (index > MAX_SRTCP_INDEX) this.exhaustAndRefuse('srtcp', 'rtcp');
    const out = allocPacket(len + trailer);
    out.set(packet, 0);
    this.transform.protectRtcp(out, len, ssrc, index);
    if (!stream) this.sendRtcp.set(ssrc, (stream = { lastIndex: 0 }));
    stream.lastIndex = index;
    this.stats.rtcpProtected++;
    this.usage.use('srtcp');
    return out;
  }

  /** SRTCP → RTCP compound, or why it was dropped. Accepts E = 0 (authenticated only). Never throws. */
  unprotectRtcp(packet: Uint8Array): UnprotectResult {
    try {
      return this.unprotectRtcpChecked(packet);
    } catch (err) {
      return this.drop('rtcp', 'malformed', err);
    }
  }

  private unprotectRtpChecked(packet: Uint8Array): UnprotectResult {
    const len = packet.length;
    if (len > this.maxPacket) return this.drop('rtp', 'oversized');
    const tagLen = this.transform.rtpTagLength;
    const hl = rtpHeaderLength(packet, len - tagLen);
    if (hl < 0) return this.drop('rtp', hl === LAYOUT_MALFORMED ? 'malformed' : 'truncated');
    if (this.usage.exhausted) return this.drop('rtp', 'key-exhausted');
    const ssrc = readU32(packet, 8);
    const stream = this.recvRtp.get(ssrc);
    const index = estimateIndex(stream ? stream.replay.highest : -1, (packet[2]! << 8) | packet[3]!);
    if (index > MAX_SRTP_INDEX) return this.drop('rtp', 'key-exhausted');
    if (stream) {
      const verdict = stream.replay.check(index);
      if (verdict !== 'new') return this.drop('rtp', verdict);
    }
    const out = this.transform.unprotectRtp(packet, hl, len, ssrc, index);
    if (!out) return this.drop('rtp', 'auth');
    const ext = rtpExtensionOffset(out);
    if (this.headerCipher && ext >= 0 && !this.headerCipher.apply(out, ext, ssrc, index)) return this.drop('rtp', 'malformed');
    if (stream) stream.replay.accept(index);
    else {
      const replay = new ReplayWindow(this.windowSize);
      replay.accept(index);
      this.recvRtp.set(ssrc, { replay });
    }
    this.stats.rtpUnprotected++;
    this.usage.use('srtp');
    return { ok: true, packet: out };
  }

  private unprotectRtcpChecked(packet: Uint8Array): UnprotectResult {
    const len = packet.length;
    if (len > this.maxPacket) return this.drop('rtcp', 'oversized');
    const hl = rtcpHeaderCheck(packet, len - this.transform.rtcpTrailerLength);
    if (hl < 0) return this.drop('rtcp', hl === LAYOUT_MALFORMED ? 'malformed' : 'truncated');
    if (this.usage.exhausted) return this.drop('rtcp', 'key-exhausted');
    const ssrc = readU32(packet, 4);
    const word = readU32(packet, len - this.transform.rtcpIndexFromEnd);
    const encrypted = word >= 0x80000000;
    const index = word & 0x7fffffff;
    const stream = this.recvRtcp.get(ssrc);
    if (stream) {
      const verdict = stream.replay.check(index);
      if (verdict !== 'new') return this.drop('rtcp', verdict);
    }
    const out = this.transform.unprotectRtcp(packet, len, ssrc, index, encrypted);
    if (!out) return this.drop('rtcp', 'auth');
    if (stream) stream.replay.accept(index);
    else {
      const replay = new ReplayWindow(this.windowSize);
      replay.accept(index);
      this.recvRtcp.set(ssrc, { replay });
    }
    this.stats.rtcpUnprotected++;
    this.usage.use('srtcp');
    return { ok: true, packet: out };
  }

  private drop(kind: 'rtp' | 'rtcp', reason: SrtpDropReason, err?: unknown): UnprotectResult {
    const n = ++this.stats.drops[reason];
    // Log the 1st, 2nd, 4th, 8th... drop of each reason: a flood of bad packets cannot flood the log.
    if ((n & (n - 1)) === 0) {
      log.warn('dropped packet', { kind, reason, count: n, error: err instanceof Error ? err.message : undefined });
    }
    return { ok: false, reason };
  }

  private refuse(kind: 'rtp' | 'rtcp', reason: SrtpDropReason): never {
    this.drop(kind, reason);
    throw new SrtpError(reason, `cannot protect ${kind.toUpperCase()} packet: ${reason}`);
  }

  private exhaustAndRefuse(kind: 'srtp' | 'srtcp', packetKind: 'rtp' | 'rtcp'): never {
    this.usage.exhaust(kind);
    this.refuse(packetKind, 'key-exhausted');
  }
}
