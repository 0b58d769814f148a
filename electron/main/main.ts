// The Electron shell's entry (bundled to out/main.cjs). It stays thin: the room's state lives in the
// core (core/room), windows are planned by a pure function, and every security decision is a pure
// function under security/ and ipc/. This file only wires them to Electron.
import { join } from 'node:path';
import { app, Menu } from 'electron';
import type { RoomConfig } from '../../shared/config';
import { RoomConfigStore } from '../core/config/roomConfigStore';
import { createLogger } from '../core/log';
import { RoomCore } from '../core/room/roomCore';
import { registerAppScheme, serveRenderer } from './appProtocol';
import { registerIpcHandlers } from './ipcHandlers';
import { applyLinuxAutostart } from './loginItem';
import { RoomWindows } from './roomWindows';
import { guardAllWebContents, hardenSession } from './secureSession';
import { configPathFromArgs } from './shellOptions';

const log = createLogger('shell');

registerAppScheme();
app.setName('Telescene');

if (!app.requestSingleInstanceLock()) {
  // Another Telescene already drives this room's screens; it gets focus (below), we leave.
  app.quit();
} else {
  app.whenReady().then(start).catch(fail);
}

async function start(): Promise<void> {
  hardenSession();
  guardAllWebContents();
  // No menu: no reload, devtools or zoom accelerators on a room screen.
  Menu.setApplicationMenu(null);
  serveRenderer(join(__dirname, 'renderer'));

  const configPath = configPathFromArgs(process.argv, process.env);
  const store = await RoomConfigStore.open(configPath ? { path: configPath } : {});
  const core = new RoomCore({ config: store.config, problems: store.problems });
  const windows = new RoomWindows(join(__dirname, 'preload.cjs'), () => store.config);
  const ipc = registerIpcHandlers(core, () => windows.webContentsIds());
  core.onSnapshot((snapshot) => windows.send(snapshot));

  let startAtLogin: boolean | undefined;
  const applyConfig = (config: RoomConfig) => {
    if (config.startAtLogin !== startAtLogin) setStartAtLogin((startAtLogin = config.startAtLogin));
  };
  store.onChange((config, problems) => {
    core.setConfig(config, problems);
    applyConfig(config);
    windows.replan();
  });
  applyConfig(store.config);
  store.watch();
  windows.replan();
  windows.followDisplays();

  app.on('second-instance', () => windows.focusFirst());
  app.on('window-all-closed', () => {
    // At a desk, closing the last window ends the app; in a room, screens may come back (hot-plug).
    if (store.config.window.mode === 'windowed') app.quit();
  });
  app.once('before-quit', () => {
    windows.close();
    ipc.dispose();
    core.close();
    store.close();
  });
  log.info('room started', { room: store.config.room.name, config: store.path, screens: store.config.screens.length });
}

/** Start at login: the OS login-item API on macOS and Windows, an XDG autostart entry on Linux. */
function setStartAtLogin(enabled: boolean): void {
  if (!app.isPackaged) {
    log.info('start at login applies to the installed app only', { enabled });
    return;
  }
  if (process.platform === 'linux') {
    const result = applyLinuxAutostart(enabled, process.env.APPIMAGE ?? process.execPath, process.env);
    log.info('start at login', { enabled, autostart: result });
  } else {
    app.setLoginItemSettings({ openAtLogin: enabled });
    log.info('start at login', { enabled });
  }
}

function fail(err: unknown): void {
  log.error('cannot start', { error: err instanceof Error ? err.message : String(err) });
  app.exit(1);
}
