// The feature stores are fed only from the core's snapshot events (CONVENTIONS 12): each store takes
// its slice of the snapshot. The first snapshot is asked for once, in case the event stream is late.
import type { Snapshot, TelesceneApi } from '../../shared/ipc/contract';
import { useCallStore } from '../features/call/callStore';
import { useControlsStore } from '../features/controls/controlsStore';
import { useHelpStore } from '../features/help/helpStore';
import { useRoomStore } from '../features/room/roomStore';

export function applySnapshot(snapshot: Snapshot): void {
  useRoomStore.getState().apply(snapshot);
  useCallStore.getState().apply(snapshot);
  useControlsStore.getState().apply(snapshot);
  useHelpStore.getState().apply(snapshot);
}

export function feedStores(api: TelesceneApi): () => void {
  const stop = api.on('snapshot', applySnapshot);
  api.snapshot({}).then(
    (snapshot) => {
      if (!useRoomStore.getState().loaded) applySnapshot(snapshot);
    },
    () => undefined, // The event stream delivers the snapshot as soon as it connects.
  );
  return stop;
}
