// Who may call the core over Electron IPC (Electron security checklist item 17, "validate the
// sender of all IPC messages"): the top frame of one of our room windows, showing one of our pages.
// What they may ask is checked next, against the contract's zod schemas (core/room/requestDispatch).
import { CHANNEL_PREFIX, REQUEST_NAMES, requestChannel, type RequestName } from '../../../shared/ipc/contract';
import { isAppUrl } from '../security/appOrigin';

export interface IpcSender {
  /** The id of the web contents that sent the message. */
  webContentsId: number;
  /** The URL of the frame that sent it; undefined when the frame is gone. */
  frameUrl: string | undefined;
  /** Whether that frame is the top frame of its web contents. */
  isMainFrame: boolean;
}

export type SenderDecision = { ok: true } | { ok: false; reason: string };

export function checkIpcSender(sender: IpcSender, roomWindows: ReadonlySet<number>): SenderDecision {
  if (!roomWindows.has(sender.webContentsId)) return { ok: false, reason: 'not a room window' };
  if (!sender.isMainFrame) return { ok: false, reason: 'not the top frame' };
  if (!isAppUrl(sender.frameUrl)) return { ok: false, reason: 'not an app page' };
  return { ok: true };
}

const BY_CHANNEL = new Map<string, RequestName>(REQUEST_NAMES.map((name) => [requestChannel(name), name]));

/** The request a channel carries, or undefined for a channel outside the contract. */
export function requestNameOfChannel(channel: string): RequestName | undefined {
  return channel.startsWith(CHANNEL_PREFIX) ? BY_CHANNEL.get(channel) : undefined;
}
