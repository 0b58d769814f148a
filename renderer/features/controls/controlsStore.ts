// The room's local controls: microphones, cameras, self-view, layout and volume.
import { create } from 'zustand';
import type { Snapshot } from '../../../shared/ipc/contract';

interface ControlsStore {
  muted: boolean;
  cameraOff: boolean;
  selfView: boolean;
  layout: string;
  volume: number;
  apply(snapshot: Snapshot): void;
}

export const useControlsStore = create<ControlsStore>()((set) => ({
  muted: false,
  cameraOff: false,
  selfView: false,
  layout: 'spatial',
  volume: 0,
  apply: (s) => set({ muted: s.muted, cameraOff: s.cameraOff, selfView: s.selfView, layout: s.layout, volume: s.volume }),
}));
