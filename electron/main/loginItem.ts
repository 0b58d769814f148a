// "Start at login" (room configuration `startAtLogin`). macOS and Windows have a login-item API
// (Electron app.setLoginItemSettings); Linux desktops follow the XDG Autostart specification: a
// .desktop file in $XDG_CONFIG_HOME/autostart, which this writes or removes.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

export const AUTOSTART_FILE = 'telescene.desktop';

export function autostartPath(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CONFIG_HOME?.startsWith('/') ? env.XDG_CONFIG_HOME : join(env.HOME ?? homedir(), '.config');
  return join(base, 'autostart', AUTOSTART_FILE);
}

/** The autostart entry: an AppImage must be started through $APPIMAGE, not its mounted binary. */
export function autostartEntry(execPath: string): string {
  const quoted = /[\s"'\\$`]/.test(execPath) ? `"${execPath.replace(/(["\\$`])/g, '\\$1')}"` : execPath;
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Telescene',
    'Comment=Telepresence room endpoint',
    `Exec=${quoted}`,
    'Icon=telescene',
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** Writes or removes the Linux autostart entry; returns what it did. */
export function applyLinuxAutostart(enabled: boolean, execPath: string, env: NodeJS.ProcessEnv): 'written' | 'removed' | 'unchanged' {
  const path = autostartPath(env);
  if (enabled) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, autostartEntry(execPath), { mode: 0o644 });
    return 'written';
  }
  if (!existsSync(path)) return 'unchanged';
  rmSync(path);
  return 'removed';
}
