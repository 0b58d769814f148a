// Which window goes where: a pure function from the room's screens and the displays the OS reports
// to one window per screen, so the Electron shell (Electron `screen`) and the browser host (xrandr)
// place windows the same way, and hot-plug is a diff between two plans.
// Screens name their display by index, counted left to right, then top to bottom (shared/config).
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DisplayInfo {
  id: number;
  /** The whole display in desktop coordinates. */
  bounds: Rect;
  /** The part not covered by panels and docks. */
  workArea: Rect;
  primary?: boolean;
}

export type WindowMode = 'kiosk' | 'windowed';

export interface PlannedWindow {
  screenId: string;
  /** The display the window is on. */
  displayId: number;
  bounds: Rect;
  /** Kiosk windows cover their display; windowed ones sit inside its work area. */
  fullscreen: boolean;
}

export interface WindowPlan {
  windows: PlannedWindow[];
  /** Kiosk screens whose display is not connected: no window until it comes back. */
  unplaced: { screenId: string; display: number }[];
}

export interface ScreenPlacement {
  id: string;
  display: number;
}

/** The default desk window: 16:9, at most this size, at most 90% of the work area. */
const DESK_WIDTH = 1280;
const DESK_HEIGHT = 720;
const CASCADE = 40;

/** Displays in the order screens count them: left to right, ties top to bottom, then by id. */
export function orderDisplays(displays: readonly DisplayInfo[]): DisplayInfo[] {
  return [...displays].sort((a, b) => a.bounds.x - b.bounds.x || a.bounds.y - b.bounds.y || a.id - b.id);
}

export function planWindows(screens: readonly ScreenPlacement[], displays: readonly DisplayInfo[], mode: WindowMode): WindowPlan {
  const ordered = orderDisplays(displays);
  const fallback = ordered.find((d) => d.primary) ?? ordered[0];
  const windows: PlannedWindow[] = [];
  const unplaced: WindowPlan['unplaced'] = [];
  let strays = 0;
  for (const screen of screens) {
    const display = ordered[screen.display];
    if (mode === 'kiosk') {
      if (display) windows.push({ screenId: screen.id, displayId: display.id, bounds: { ...display.bounds }, fullscreen: true });
      else unplaced.push({ screenId: screen.id, display: screen.display });
      continue;
    }
    // Windowed (a desk): every screen gets a window; one whose display is missing joins the primary, cascaded.
    const host = display ?? fallback;
    if (!host) {
      unplaced.push({ screenId: screen.id, display: screen.display });
      continue;
    }
    const offset = display ? 0 : CASCADE * ++strays;
    windows.push({ screenId: screen.id, displayId: host.id, bounds: deskBounds(host.workArea, offset), fullscreen: false });
  }
  return { windows, unplaced };
}

function deskBounds(area: Rect, offset: number): Rect {
  const scale = Math.min(1, (area.width * 0.9) / DESK_WIDTH, (area.height * 0.9) / DESK_HEIGHT);
  const width = Math.round(DESK_WIDTH * scale);
  const height = Math.round(DESK_HEIGHT * scale);
  const x = area.x + Math.round((area.width - width) / 2) + offset;
  const y = area.y + Math.round((area.height - height) / 2) + offset;
  // Keep the cascade inside the work area.
  return {
    x: Math.min(x, area.x + area.width - width),
    y: Math.min(y, area.y + area.height - height),
    width,
    height,
  };
}

export interface PlanChanges {
  open: PlannedWindow[];
  move: PlannedWindow[];
  close: string[];
}

/** What to do to the open windows (keyed by screen id) to match `next`, e.g. after a display hot-plug. */
export function diffPlans(previous: readonly PlannedWindow[], next: readonly PlannedWindow[]): PlanChanges {
  const before = new Map(previous.map((w) => [w.screenId, w]));
  const after = new Set(next.map((w) => w.screenId));
  const changes: PlanChanges = { open: [], move: [], close: [] };
  for (const w of next) {
    const old = before.get(w.screenId);
    if (!old) changes.open.push(w);
    else if (old.displayId !== w.displayId || old.fullscreen !== w.fullscreen || !sameRect(old.bounds, w.bounds)) changes.move.push(w);
  }
  for (const w of previous) if (!after.has(w.screenId)) changes.close.push(w.screenId);
  return changes;
}

function sameRect(a: Rect, b: Rect): boolean {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}
