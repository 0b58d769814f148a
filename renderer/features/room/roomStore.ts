// The room as configured: its name, its screens, and problems with the configuration file.
import { create } from 'zustand';
import type { Snapshot } from '../../../shared/ipc/contract';

interface RoomStore {
  /** False until the first snapshot arrives. */
  loaded: boolean;
  name: string;
  screens: Snapshot['screens'];
  configProblems: string[];
  apply(snapshot: Snapshot): void;
}

export const useRoomStore = create<RoomStore>()((set) => ({
  loaded: false,
  name: '',
  screens: [],
  configProblems: [],
  apply: (s) => set({ loaded: true, name: s.room.name, screens: s.screens, configProblems: s.configProblems }),
}));
