// The room configuration file: found in the OS config folder, created with defaults on first run,
// validated at every load, and watched while the app runs. A bad file never stops the room: the
// store keeps the last good configuration, logs each problem ("screens[1].widthMm: ...") and
// publishes the problems so the screens can show them until the file is fixed.
import { existsSync, mkdirSync, readFileSync, renameSync, watch, writeFileSync, type FSWatcher } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { checkRoomConfig, DEFAULT_ROOM, roomConfigSchema, type RoomConfig } from '../../../shared/config';
import { createLogger } from '../log';

const log = createLogger('config');
const MAX_CONFIG_BYTES = 256 * 1024;

/** Where the room configuration lives: XDG on Linux, %APPDATA% on Windows, Application Support on macOS. */
export function defaultConfigPath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.TELESCENE_CONFIG) return env.TELESCENE_CONFIG;
  const home = env.HOME ?? homedir();
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Telescene', 'room.json');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Telescene', 'room.json');
  const base = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/') ? env.XDG_CONFIG_HOME : join(home, '.config');
  return join(base, 'telescene', 'room.json');
}

/** Reads and checks one file. Problems name the field, or the file when it is not JSON at all. */
export function readRoomConfigFile(path: string): { ok: true; config: RoomConfig } | { ok: false; problems: string[] } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    return { ok: false, problems: [`${path}: cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`] };
  }
  if (Buffer.byteLength(text) > MAX_CONFIG_BYTES) return { ok: false, problems: [`${path}: larger than ${MAX_CONFIG_BYTES} bytes`] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, problems: [`${path}: not valid JSON (${(err as Error).message})`] };
  }
  return checkRoomConfig(value);
}

export type ConfigListener = (config: RoomConfig, problems: readonly string[]) => void;

export class RoomConfigStore {
  private current: RoomConfig;
  private currentProblems: string[] = [];
  private readonly listeners = new Set<ConfigListener>();
  private watcher: FSWatcher | undefined;
  private debounce: NodeJS.Timeout | undefined;
  private closed = false;

  private constructor(readonly path: string, initial: RoomConfig) {
    this.current = initial;
  }

  /** Opens the configuration at `path` (default: defaultConfigPath()), writing the defaults if it is missing. */
  static async open(options: { path?: string } = {}): Promise<RoomConfigStore> {
    const path = options.path ?? defaultConfigPath();
    if (!existsSync(path)) {
      mkdirSync(dirname(path), { recursive: true });
      writeAtomically(path, `${JSON.stringify(DEFAULT_ROOM, null, 2)}\n`);
      log.info('created the room configuration with defaults', { path });
    }
    const store = new RoomConfigStore(path, roomConfigSchema.parse(DEFAULT_ROOM));
    store.reload();
    return store;
  }

  get config(): RoomConfig {
    return this.current;
  }

  /** Problems with the file as it is on disk now; [] when it is good. */
  get problems(): readonly string[] {
    return this.currentProblems;
  }

  onChange(listener: ConfigListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Re-reads the file; a good file replaces the configuration, a bad one keeps the last good. */
  reload(): void {
    const result = readRoomConfigFile(this.path);
    if (result.ok) {
      this.current = result.config;
      this.currentProblems = [];
      log.info('room configuration loaded', { path: this.path, room: result.config.room.name });
    } else {
      this.currentProblems = result.problems;
      for (const problem of result.problems) log.warn('room configuration problem; keeping the last good one', { problem });
    }
    for (const listener of this.listeners) listener(this.current, this.currentProblems);
  }

  /** Follows edits to the file (editors often replace it, so the folder is watched). */
  watch(): void {
    if (this.watcher || this.closed) return;
    const file = this.path.slice(dirname(this.path).length + 1);
    this.watcher = watch(dirname(this.path), (_event, name) => {
      if (name !== null && name !== file) return;
      clearTimeout(this.debounce);
      this.debounce = setTimeout(() => this.reload(), 100);
    });
    this.watcher.on('error', (err) => log.warn('cannot watch the room configuration', { error: err.message }));
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.debounce);
    this.watcher?.close();
    this.watcher = undefined;
    this.listeners.clear();
  }
}

function writeAtomically(path: string, text: string): void {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, text, { mode: 0o644 });
  renameSync(temp, path);
}
