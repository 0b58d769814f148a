// CLUE core: RFC 8846 (data model), RFC 8847 (protocol), RFC 8845 (framework). Pure TypeScript,
// independent of how messages travel. Public API:
// - Data model types (MediaCapture, CaptureScene, SceneView, EncodingGroup, Encoding,
//   SimultaneousSet, GlobalView, Person, ClueInfo, CaptureEncoding) and message types (ClueMessage:
//   options, optionsResponse, advertisement, ack, configure, configureResponse).
// - Codec: decodeMessage(xml) / encodeMessage(msg), decodeClueInfo / encodeClueInfo. Decoding is
//   strict and hostile-input safe (no DTD, no entities, bounded size/depth); it throws only
//   ParseError, whose `code` is the RFC 8847 §5.7 response code to answer with.
// - Semantics: checkAdvertisement(info), checkConfigure(captureEncodings, indexAdvertisement(info))
//   return Problem[] ({ code, reason, path }).
// - State machines: ClueParticipant (RFC 8847 §6) runs ProviderMachine (§6.1) and/or
//   ConsumerMachine (§6.2) over a ClueChannel { send(xml), close(reason) } with an injected Clock
//   (shared/clock.ts: { now, after }); feed it receive(xml), channelOpen(), channelClosed().
// - Provider: advertisementFromRoom(roomConfig) → the room's ClueInfo and which device feeds
//   which capture.
// - Consumer: chooseCaptures(index, { screens: screensFromRoom(room), maxBandwidth }) → the
//   captures to receive, their encodings and the local screen each goes to (for the layout).
// - A room as a participant: roomRoles(roomConfig) → the provider and consumer options of both.
export * from './errors';
export * from './namespaces';
export type * from './model/types';
export { CAPTURE_KINDS, captureMode, isMcc } from './model/types';
export type * from './messages/types';
export { MESSAGE_TYPES, isResponse } from './messages/types';
export { decodeMessage, decodeClueInfo } from './messages/decode';
export { encodeMessage, encodeClueInfo, reasonFor } from './messages/encode';
export { CLUE_VERSION, negotiateVersion, parseVersion, versionAccepted } from './messages/version';
export { DEFAULT_XML_LIMITS, type XmlLimits } from './xml/guard';
export { checkAdvertisement } from './semantics/advertisement';
export { checkConfigure, type ConfigureCheckOptions } from './semantics/configure';
export { indexAdvertisement, constituents, simultaneousViolations, type AdvIndex } from './semantics/index';
export { DEFAULT_TIMEOUTS, InvalidTransitionError, StateMachine, type Clock, type ClueChannel, type TimerHandle, type Timeouts, type TransitionTable } from './fsm/machine';
export { ClueParticipant, PARTICIPANT_TRANSITIONS, type ParticipantEvent, type ParticipantEvents, type ParticipantOptions, type ParticipantState } from './fsm/participant';
export { ProviderMachine, PROVIDER_TRANSITIONS, type ProviderEvent, type ProviderEvents, type ProviderState } from './fsm/provider';
export { ConsumerMachine, CONSUMER_TRANSITIONS, type ConsumerEvent, type ConsumerEvents, type ConsumerOptions, type ConsumerState, type ReceivedAdvertisement } from './fsm/consumer';
export type { Outgoing, ProblemAction, RoleDeps } from './fsm/roles';
export { advertisementFromRoom, AUDIO_ENCODING_BPS, type CaptureSource, type RoomAdvertisement } from './provider/fromRoom';
export { chooseCaptures, type ChosenCapture, type ConsumerChoice, type ConsumerPreferences } from './consumer/choose';
export { placeOnScreens, screensFromRoom, captureX, type LocalScreen } from './consumer/screens';
export { checkClueText, type CheckResult } from './check';
export { roomRoles, type RoomRoles } from './room';
