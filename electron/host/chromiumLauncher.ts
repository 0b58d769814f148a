// Opens one Chromium app window per room screen for the browser host: each window in its own
// throw-away profile (so --window-position is honoured and each is its own process we can stop),
// no first-run UI, no background traffic to Google services, kiosk (fullscreen) or windowed.
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, dirname, join } from 'node:path';
import { createLogger } from '../core/log';
import type { PlannedWindow } from '../core/room/windowPlan';

const log = createLogger('host.chromium');

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge'];
const FIXED_PATHS: Partial<Record<NodeJS.Platform, string[]>> = {
  darwin: ['/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  ],
};

/** TELESCENE_CHROMIUM, else the first Chromium-family browser on PATH or in the usual places. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  if (env.TELESCENE_CHROMIUM) return executable(env.TELESCENE_CHROMIUM) ? env.TELESCENE_CHROMIUM : undefined;
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  const suffix = platform === 'win32' ? '.exe' : '';
  for (const name of NAMES) for (const dir of dirs) if (executable(join(dir, name + suffix))) return join(dir, name + suffix);
  return (FIXED_PATHS[platform] ?? []).find(executable);
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The command line for one screen window; `extra` comes from TELESCENE_CHROMIUM_FLAGS (e.g. --headless in CI). */
export function chromiumArgs(url: string, window: PlannedWindow, profileDir: string, extra: readonly string[] = []): string[] {
  const { x, y, width, height } = window.bounds;
  return [
    `--app=${url}`,
    `--user-data-dir=${profileDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-features=Translate,MediaRouter',
    '--autoplay-policy=no-user-gesture-required',
    '--password-store=basic',
    `--window-position=${x},${y}`,
    `--window-size=${width},${height}`,
    ...(window.fullscreen ? ['--kiosk'] : []),
    ...extra,
  ];
}

export class ChromiumWindows {
  private readonly children = new Map<string, ChildProcess>();
  private readonly root = mkdtempSync(join(tmpdir(), 'telescene-chromium-'));
  private closed = false;

  constructor(
    private readonly executablePath: string,
    private readonly extraFlags: readonly string[] = [],
  ) {}

  open(window: PlannedWindow, url: string): void {
    if (this.closed || this.children.has(window.screenId)) return;
    const profile = join(this.root, window.screenId);
    const child = spawn(this.executablePath, chromiumArgs(url, window, profile, this.extraFlags), { stdio: 'ignore' });
    this.children.set(window.screenId, child);
    child.on('error', (err) => log.warn('cannot start Chromium', { screen: window.screenId, error: err.message }));
    child.on('exit', (code, signal) => {
      this.children.delete(window.screenId);
      if (!this.closed) log.info('screen window closed', { screen: window.screenId, code, signal });
    });
    log.info('screen window opened', { screen: window.screenId, pid: child.pid, fullscreen: window.fullscreen });
  }

  /** Process ids of the windows still open. */
  pids(): number[] {
    return [...this.children.values()].flatMap((c) => (c.pid === undefined ? [] : [c.pid]));
  }

  /** Stops the windows this launcher started (each by its own handle), then removes their profiles. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const exits = [...this.children.values()].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const force = setTimeout(() => child.kill('SIGKILL'), 3_000);
          child.once('exit', () => {
            clearTimeout(force);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    );
    await Promise.all(exits);
    this.children.clear();
    for (const screen of readdirSync(this.root)) removeSingletonDir(join(this.root, screen));
    // Chromium's helper processes can still be writing to the profile just after the browser exits
    // (ENOTEMPTY): retry for a while, and never let a leftover temporary folder fail the shutdown.
    try {
      rmSync(this.root, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    } catch (err) {
      log.warn('could not remove the Chromium profiles', { path: this.root, error: err instanceof Error ? err.message : String(err) });
    }
  }
}

/**
 * A Chromium stopped by a signal leaves its single-instance socket folder (/tmp/org.chromium.Chromium.*,
 * linked from the profile's SingletonSocket) behind; a room PC that reopens windows for months would
 * collect them. Removes it when the link points at such a folder in the temporary directory.
 */
function removeSingletonDir(profile: string): void {
  let target: string;
  try {
    target = dirname(readlinkSync(join(profile, 'SingletonSocket')));
  } catch {
    return; // no link: Chromium cleaned up, or never got that far
  }
  if (dirname(target) !== tmpdir() || !basename(target).startsWith('org.chromium.Chromium.')) return;
  rmSync(target, { recursive: true, force: true });
}
