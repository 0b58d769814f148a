// One window per physical display (kiosk) or per screen (windowed), following displays that come
// and go: every change of displays or configuration is re-planned by the pure planner
// (core/room/windowPlan.ts) and the difference applied to the open windows.
import { BrowserWindow, screen } from 'electron';
import type { RoomConfig } from '../../shared/config';
import { eventChannel, type Snapshot } from '../../shared/ipc/contract';
import { createLogger } from '../core/log';
import { diffPlans, planWindows, type DisplayInfo, type PlannedWindow } from '../core/room/windowPlan';
import { screenPageUrl } from './security/appOrigin';
import { roomWindowOptions } from './windowOptions';

const log = createLogger('shell.windows');
const REPLAN_DELAY_MS = 300;

export class RoomWindows {
  private readonly open = new Map<string, { window: BrowserWindow; plan: PlannedWindow }>();
  private replanTimer: NodeJS.Timeout | undefined;
  private readonly displayEvents = ['display-added', 'display-removed', 'display-metrics-changed'] as const;
  private readonly onDisplays = () => this.scheduleReplan();
  private closed = false;

  constructor(
    private readonly preloadPath: string,
    private readonly config: () => RoomConfig,
  ) {}

  /** Re-plans whenever the OS reports a display added, removed, moved or resized. */
  followDisplays(): void {
    for (const name of this.displayEvents) screen.on(name as 'display-added', this.onDisplays);
  }

  webContentsIds(): ReadonlySet<number> {
    return new Set([...this.open.values()].map(({ window }) => window.webContents.id));
  }

  send(snapshot: Snapshot): void {
    for (const { window } of this.open.values()) {
      if (!window.isDestroyed()) window.webContents.send(eventChannel('snapshot'), snapshot);
    }
  }

  focusFirst(): void {
    const first = this.open.values().next().value;
    if (!first || first.window.isDestroyed()) return;
    if (first.window.isMinimized()) first.window.restore();
    first.window.focus();
  }

  replan(): void {
    if (this.closed) return;
    const config = this.config();
    const primary = screen.getPrimaryDisplay().id;
    const displays: DisplayInfo[] = screen.getAllDisplays().map((d) => ({ id: d.id, bounds: d.bounds, workArea: d.workArea, primary: d.id === primary }));
    const plan = planWindows(config.screens, displays, config.window.mode);
    for (const u of plan.unplaced) log.warn('screen has no display; no window until it is connected', { screen: u.screenId, display: u.display });
    const changes = diffPlans([...this.open.values()].map((o) => o.plan), plan.windows);
    for (const id of changes.close) this.closeWindow(id);
    for (const w of changes.move) this.moveWindow(w);
    for (const w of changes.open) this.openWindow(w, config);
    log.info('windows planned', { displays: displays.length, windows: plan.windows.length, opened: changes.open.length, moved: changes.move.length, closed: changes.close.length });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.replanTimer);
    for (const name of this.displayEvents) screen.removeListener(name as 'display-added', this.onDisplays);
    for (const id of [...this.open.keys()]) this.closeWindow(id);
  }

  private scheduleReplan(): void {
    // Plugging a display in sends several events in a row; plan once they settle.
    clearTimeout(this.replanTimer);
    this.replanTimer = setTimeout(() => this.replan(), REPLAN_DELAY_MS);
  }

  private openWindow(plan: PlannedWindow, config: RoomConfig): void {
    const label = config.screens.find((s) => s.id === plan.screenId)?.label ?? plan.screenId;
    const window = new BrowserWindow(roomWindowOptions(plan, this.preloadPath, `${config.room.name} · ${label}`));
    this.open.set(plan.screenId, { window, plan });
    window.once('ready-to-show', () => window.show());
    window.on('closed', () => {
      if (this.open.get(plan.screenId)?.window === window) this.open.delete(plan.screenId);
    });
    window.webContents.on('render-process-gone', (_e, details) => {
      log.error('screen renderer gone; reloading', { screen: plan.screenId, reason: details.reason });
      if (!window.isDestroyed()) void window.loadURL(screenPageUrl(plan.screenId));
    });
    window.loadURL(screenPageUrl(plan.screenId)).catch((err: unknown) => {
      log.error('cannot load the room view', { screen: plan.screenId, error: err instanceof Error ? err.message : String(err) });
    });
  }

  private moveWindow(plan: PlannedWindow): void {
    const entry = this.open.get(plan.screenId);
    if (!entry || entry.window.isDestroyed()) return;
    const { window } = entry;
    // A fullscreen window only moves to another display once it is out of fullscreen.
    if (window.isKiosk()) window.setKiosk(false);
    if (window.isFullScreen()) window.setFullScreen(false);
    window.setBounds(plan.bounds);
    if (plan.fullscreen) window.setKiosk(true);
    this.open.set(plan.screenId, { window, plan });
  }

  private closeWindow(screenId: string): void {
    const entry = this.open.get(screenId);
    this.open.delete(screenId);
    // destroy(): kiosk windows are not closable by the user, but the app may remove them.
    if (entry && !entry.window.isDestroyed()) entry.window.destroy();
  }
}
