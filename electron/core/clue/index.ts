// CLUE in the room core: the participant of shared/clue running on the call's CLUE data channel.
export { startClue, type ClueChannelOptions } from './clueChannel';
