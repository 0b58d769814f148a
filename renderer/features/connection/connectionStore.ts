// Whether this screen hears from the room core (always, under Electron; over the bridge otherwise).
import { create } from 'zustand';
import type { ConnectionState } from '../../bridge/bridgeClient';

interface ConnectionStore {
  state: ConnectionState;
  /** Set when the page cannot reach the core at all (no access key). */
  fatal: string | null;
  set(state: ConnectionState): void;
  fail(reason: string): void;
}

export const useConnectionStore = create<ConnectionStore>()((set) => ({
  state: 'connecting',
  fatal: null,
  set: (state) => set({ state }),
  fail: (fatal) => set({ fatal }),
}));
