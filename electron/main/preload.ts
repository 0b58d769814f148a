// The preload of every room window (sandboxed, context-isolated): exposes window.telescene, named
// functions generated from the one IPC contract, and nothing else. The page never sees
// ipcRenderer, so it can use no channel outside the contract (Electron security checklist 20).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_NAMES, REQUEST_NAMES, eventChannel, requestChannel, type EventName, type RequestName } from '../../shared/ipc/channels';
import type { TelesceneApi } from '../../shared/ipc/contract';

const requestFunctions = Object.fromEntries(
  REQUEST_NAMES.map((name) => [name, (request: unknown) => ipcRenderer.invoke(requestChannel(name), request)]),
) as Pick<TelesceneApi, RequestName>;

const on: TelesceneApi['on'] = (event, listener) => {
  if (!(EVENT_NAMES as readonly string[]).includes(event)) throw new Error(`unknown event ${String(event)}`);
  const channel = eventChannel(event as EventName);
  const forward = (_event: IpcRendererEvent, payload: Parameters<typeof listener>[0]) => listener(payload);
  ipcRenderer.on(channel, forward);
  return () => {
    ipcRenderer.removeListener(channel, forward);
  };
};

const api: TelesceneApi = { ...requestFunctions, on };
contextBridge.exposeInMainWorld('telescene', api);
