// The browser host: the room core under plain Node, its UI served to a local Chromium over the
// loopback bridge. Used where Electron's runtime is missing, on kiosk-browser room PCs, and by the
// end-to-end test (with openBrowser false it prints the screen URLs instead of opening windows).
import { RoomConfigStore } from '../core/config/roomConfigStore';
import { createLogger } from '../core/log';
import { RoomCore } from '../core/room/roomCore';
import { planWindows } from '../core/room/windowPlan';
import { BridgeServer } from './bridgeServer';
import { ChromiumWindows, findChromium } from './chromiumLauncher';
import { FALLBACK_DISPLAY, listDisplays } from './displays';

const log = createLogger('host');

export interface BrowserHostOptions {
  /** The room configuration file; default: TELESCENE_CONFIG or the OS config folder. */
  configPath?: string;
  port?: number;
  /** Open Chromium windows (when a Chromium and a graphical session exist); else print the URLs. */
  openBrowser: boolean;
  rendererDir: string;
  /** Where the human-readable lines go (stdout). */
  print: (line: string) => void;
  env?: NodeJS.ProcessEnv;
}

export interface BrowserHost {
  readonly core: RoomCore;
  readonly bridge: BridgeServer;
  readonly store: RoomConfigStore;
  /** The Chromium windows this host opened (none when it printed the URLs instead). */
  readonly windows: ChromiumWindows | undefined;
  close(): Promise<void>;
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const env = options.env ?? process.env;
  const store = await RoomConfigStore.open(options.configPath ? { path: options.configPath } : {});
  const core = new RoomCore({ config: store.config, problems: store.problems });
  store.onChange((config, problems) => core.setConfig(config, problems));
  store.watch();
  let bridge: BridgeServer;
  try {
    bridge = await BridgeServer.start({ core, rendererDir: options.rendererDir, ...(options.port === undefined ? {} : { port: options.port }) });
  } catch (err) {
    core.close();
    store.close();
    throw err;
  }
  const { config } = store;
  options.print(`Telescene browser host: room "${config.room.name}" on ${bridge.origin} (configuration ${store.path})`);
  for (const problem of store.problems) options.print(`  configuration problem: ${problem}`);

  let windows: ChromiumWindows | undefined;
  const chromium = options.openBrowser ? findChromium(env) : undefined;
  const flags = (env.TELESCENE_CHROMIUM_FLAGS ?? '').split(/\s+/).filter(Boolean);
  const graphical = process.platform !== 'linux' || Boolean(env.DISPLAY || env.WAYLAND_DISPLAY) || flags.includes('--headless');
  if (chromium && graphical) {
    const displays = (await listDisplays()) ?? [FALLBACK_DISPLAY];
    const plan = planWindows(config.screens, displays, config.window.mode);
    windows = new ChromiumWindows(chromium, flags);
    for (const w of plan.windows) windows.open(w, bridge.screenUrl(w.screenId));
    for (const u of plan.unplaced) log.warn('screen has no display; no window', { screen: u.screenId, display: u.display });
    options.print(`  opened ${plan.windows.length} window(s) with ${chromium}`);
  } else {
    const why = !options.openBrowser ? 'not opening a browser' : !chromium ? 'no Chromium found' : 'no graphical session';
    options.print(`  ${why}; open each screen's URL in a Chromium-family browser:`);
  }
  for (const screen of config.screens) options.print(`  screen ${screen.id}: ${bridge.screenUrl(screen.id)}`);

  let closing: Promise<void> | undefined;
  return {
    core,
    bridge,
    store,
    windows,
    close: () =>
      (closing ??= (async () => {
        await windows?.close();
        await bridge.close();
        core.close();
        store.close();
      })()),
  };
}
