// window.telescene: the only way renderer code reaches the core. The Electron preload defines it;
// under the browser host, bridge/installBridge.ts does, before anything else runs.
import type { TelesceneApi } from '../shared/ipc/contract';

declare global {
  interface Window {
    telescene?: TelesceneApi;
  }
}
