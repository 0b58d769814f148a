// The key-help overlay: whether it is shown and the configured keys per intent.
import { create } from 'zustand';
import type { Snapshot } from '../../../shared/ipc/contract';

interface HelpStore {
  visible: boolean;
  rows: Snapshot['keyHelp'];
  apply(snapshot: Snapshot): void;
}

export const useHelpStore = create<HelpStore>()((set) => ({
  visible: false,
  rows: [],
  apply: (s) => set({ visible: s.helpVisible, rows: s.keyHelp }),
}));
