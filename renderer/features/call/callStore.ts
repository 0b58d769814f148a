// The call as the core reports it.
import { create } from 'zustand';
import type { Snapshot } from '../../../shared/ipc/contract';

type Call = Snapshot['call'];

interface CallStore extends Call {
  apply(snapshot: Snapshot): void;
}

export const useCallStore = create<CallStore>()((set) => ({
  state: 'idle',
  remote: null,
  since: null,
  endReason: null,
  apply: ({ call }) => set({ state: call.state, remote: call.remote, since: call.since, endReason: call.endReason }),
}));
