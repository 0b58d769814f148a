// The CLUE data channel: SCTP over DTLS (RFC 8261, RFC 8841), DCEP (RFC 8832), data channels (RFC 8831).
export { createSctpAssociation, preloadSctp, type SctpAssociation } from './association';
export { DataChannel, DataChannels, CLUE_CHANNEL, clueChannelProblem, isClueChannel, DATA_CHANNEL_TRANSITIONS, type DataChannelState, type DataChannelsOptions } from './dataChannel';
export { parseDcep, serializeDcep, PPID, ChannelType, type DcepMessage, type DcepOpen } from './dcep';
