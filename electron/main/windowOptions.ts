// The BrowserWindow options of a room window, as a pure function so the security-relevant
// settings (Electron security checklist items 2-4, 6, 7, 9, 12) are tested without Electron.
import type { BrowserWindowConstructorOptions } from 'electron';
import type { PlannedWindow } from '../core/room/windowPlan';

export const ROOM_BACKGROUND = '#0b0f17';

export function roomWindowOptions(window: PlannedWindow, preloadPath: string, title: string): BrowserWindowConstructorOptions {
  const kiosk = window.fullscreen;
  return {
    ...window.bounds,
    title,
    show: false,
    backgroundColor: ROOM_BACKGROUND,
    autoHideMenuBar: true,
    // Kiosk: borderless, fullscreen on its display, not closable from the keyboard by accident.
    frame: !kiosk,
    kiosk,
    fullscreen: kiosk,
    closable: !kiosk,
    minimizable: !kiosk,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: !kiosk,
      // Video keeps playing on a screen nobody has focused.
      backgroundThrottling: false,
      disableDialogs: true,
    },
  };
}
