// ICE (RFC 8445) and STUN (RFC 8489) for the call's one socket, with consent freshness (RFC 7675).
export { IceAgent, ICE_TRANSITIONS, DEFAULT_ICE_TIMING, iceString, type IceState, type IceTiming, type IceAgentOptions, type IceCredentials, type IceAgentEvents } from './agent';
export { parseCandidate, serializeCandidate, candidatePriority, pairPriority, type IceCandidate, type CandidateType } from './candidate';
export { parseStun, serializeStun, verifyIntegrity, isStunPacket, crc32, Attr, StunClass, METHOD_BINDING, type StunMessage, type ParsedStun } from './stun';
