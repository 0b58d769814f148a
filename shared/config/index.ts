export * from './roomConfig';
export { DEFAULT_ROOM, DEFAULT_KEYMAP } from './defaultRoom';
