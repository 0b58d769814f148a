// SDP for the call transport (RFC 3264 offer/answer, RFC 8843 BUNDLE, RFC 8841 SCTP, RFC 5763 setup).
export { buildDescription, parseRemoteDescription, answerSetupFor, dtlsRoleFor, type LocalDescription, type RemoteDescription, type DtlsSetup, type Direction, type VideoSection, type ApplicationSection, type RemoteVideo, type RemoteApplication } from './session';
