// The STUN messages of ICE connectivity checks (RFC 8445 §7.1-§7.3): Binding requests with
// USERNAME, PRIORITY, ICE-CONTROLLING/-CONTROLLED and USE-CANDIDATE, signed with the peer's password;
// success responses with XOR-MAPPED-ADDRESS and error responses (487 Role Conflict), signed with ours.
import { randomBytes } from 'node:crypto';
import type { RemoteAddress } from '../demux';
import { candidatePriority } from './candidate';
import { Attr, encodeXorAddress, getAttr, METHOD_BINDING, serializeStun, StunClass, u32, u64, type ParsedStun, type StunAttribute } from './stun';

export interface CheckRequest {
  transactionId: Uint8Array;
  bytes: Uint8Array;
}

export function bindingRequest(o: { remoteUfrag: string; remotePwd: string; localUfrag: string; controlling: boolean; tieBreaker: bigint; useCandidate: boolean }): CheckRequest {
  const transactionId = randomBytes(12);
  const attributes: StunAttribute[] = [
    { type: Attr.USERNAME, value: Buffer.from(`${o.remoteUfrag}:${o.localUfrag}`) },
    { type: Attr.PRIORITY, value: u32(candidatePriority('prflx')) },
    { type: o.controlling ? Attr.ICE_CONTROLLING : Attr.ICE_CONTROLLED, value: u64(o.tieBreaker) },
  ];
  if (o.useCandidate) attributes.push({ type: Attr.USE_CANDIDATE, value: new Uint8Array(0) });
  return { transactionId, bytes: serializeStun({ method: METHOD_BINDING, cls: StunClass.request, transactionId, attributes }, { integrityKey: Buffer.from(o.remotePwd), fingerprint: true }) };
}

/** An unauthenticated Binding request to a STUN server (server-reflexive gathering, RFC 8445 §5.1.1.2). */
export function serverBindingRequest(): CheckRequest {
  const transactionId = randomBytes(12);
  return { transactionId, bytes: serializeStun({ method: METHOD_BINDING, cls: StunClass.request, transactionId, attributes: [] }, { fingerprint: true }) };
}

export function bindingSuccess(request: ParsedStun, from: RemoteAddress, localPwd: string): Uint8Array {
  const attributes = [{ type: Attr.XOR_MAPPED_ADDRESS, value: encodeXorAddress(from.address, from.port, request.transactionId) }];
  return serializeStun({ method: METHOD_BINDING, cls: StunClass.success, transactionId: request.transactionId, attributes }, { integrityKey: Buffer.from(localPwd), fingerprint: true });
}

export function bindingError(request: ParsedStun, code: number, reason: string, localPwd: string): Uint8Array {
  const value = Buffer.concat([Buffer.from([0, 0, Math.floor(code / 100), code % 100]), Buffer.from(reason)]);
  return serializeStun({ method: METHOD_BINDING, cls: StunClass.error, transactionId: request.transactionId, attributes: [{ type: Attr.ERROR_CODE, value }] }, { integrityKey: Buffer.from(localPwd), fingerprint: true });
}

export interface CheckRequestInfo {
  priority: number;
  useCandidate: boolean;
  /** The peer's tie-breaker and the role it claims (RFC 8445 §7.3.1.1). */
  claims?: { controlling: boolean; tieBreaker: bigint };
}

export function readCheckRequest(msg: ParsedStun): CheckRequestInfo {
  const prio = getAttr(msg, Attr.PRIORITY);
  const tb = (b: Uint8Array | undefined): bigint | undefined => (b && b.length === 8 ? Buffer.from(b).readBigUInt64BE() : undefined);
  const controlling = tb(getAttr(msg, Attr.ICE_CONTROLLING));
  const controlled = tb(getAttr(msg, Attr.ICE_CONTROLLED));
  return {
    priority: prio && prio.length === 4 ? Buffer.from(prio).readUInt32BE() : candidatePriority('prflx'),
    useCandidate: getAttr(msg, Attr.USE_CANDIDATE) !== undefined,
    claims: controlling !== undefined ? { controlling: true, tieBreaker: controlling } : controlled !== undefined ? { controlling: false, tieBreaker: controlled } : undefined,
  };
}

/** ERROR-CODE class*100 + number (RFC 8489 §14.8), 0 when absent. */
export function errorCode(msg: ParsedStun): number {
  const code = getAttr(msg, Attr.ERROR_CODE);
  return code && code.length >= 4 ? (code[2] as number) * 100 + (code[3] as number) : 0;
}
