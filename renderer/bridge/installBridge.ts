// Makes window.telescene available to the rest of the renderer. Under Electron the preload already
// defined it. Under the browser host, the page was opened with the launch secret in its fragment:
// this installs the bridge client in its place.
import { useConnectionStore } from '../features/connection/connectionStore';
import { createBridgeClient } from './bridgeClient';
import { takeLaunchSecret } from './launchSecret';

export type BridgeInstall = { ok: true } | { ok: false; reason: string };

export function installBridge(): BridgeInstall {
  if (window.telescene) {
    useConnectionStore.getState().set('connected');
    return { ok: true };
  }
  let storage: Storage | undefined;
  try {
    storage = window.sessionStorage;
  } catch {
    storage = undefined;
  }
  const secret = takeLaunchSecret({ location: window.location, history: window.history, storage });
  if (!secret) return { ok: false, reason: 'This page was opened without its access key. Open the address the room host printed.' };
  window.telescene = createBridgeClient({
    origin: window.location.origin,
    secret,
    onConnection: (state) => useConnectionStore.getState().set(state),
  });
  return { ok: true };
}
