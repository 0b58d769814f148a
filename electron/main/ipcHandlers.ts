// The main-process side of the IPC contract: one handler per request in shared/ipc/contract.ts.
// Each call is checked twice before the core sees it: the sender (ipc/senderCheck.ts) and the
// payload (zod, core/room/requestDispatch.ts). A refused call is counted, logged with its reason,
// and rejected in the renderer with a short message; it never reaches the core.
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { REQUEST_NAMES, requestChannel } from '../../shared/ipc/contract';
import { createLogger } from '../core/log';
import { dispatchRequest } from '../core/room/requestDispatch';
import type { RoomCore } from '../core/room/roomCore';
import { checkIpcSender } from './ipc/senderCheck';

const log = createLogger('shell.ipc');

export interface IpcRegistration {
  readonly refusals: ReadonlyMap<string, number>;
  dispose(): void;
}

export function registerIpcHandlers(core: RoomCore, roomWindowIds: () => ReadonlySet<number>): IpcRegistration {
  const refusals = new Map<string, number>();
  const refuse = (reason: string, channel: string): never => {
    refusals.set(reason, (refusals.get(reason) ?? 0) + 1);
    log.warn('ipc request refused', { reason, channel });
    throw new Error(`refused: ${reason}`);
  };
  for (const name of REQUEST_NAMES) {
    const channel = requestChannel(name);
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, payload: unknown) => {
      const frame = event.senderFrame;
      const sender = checkIpcSender(
        { webContentsId: event.sender.id, frameUrl: frame?.url, isMainFrame: frame !== null && frame.parent === null },
        roomWindowIds(),
      );
      if (!sender.ok) return refuse(sender.reason, channel);
      const result = dispatchRequest(core, name, payload);
      if (!result.ok) return refuse(`${result.refusal} (${result.detail})`, channel);
      return result.response;
    });
  }
  return {
    refusals,
    dispose: () => {
      for (const name of REQUEST_NAMES) ipcMain.removeHandler(requestChannel(name));
    },
  };
}
