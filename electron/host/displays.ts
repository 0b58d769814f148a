// The displays of this machine as the browser host sees them, without Electron's `screen`: on X11
// (and XWayland) `xrandr --listmonitors` lists each monitor's geometry, which is all the window
// planner needs. Elsewhere the host plans for one 1920×1080 display and says so.
import { execFile } from 'node:child_process';
import type { DisplayInfo } from '../core/room/windowPlan';

/**
 * Parses `xrandr --listmonitors`:
 *   Monitors: 2
 *    0: +*DP-1 1920/527x1080/296+0+0  DP-1
 *    1: +HDMI-1 2560/597x1440/336+1920+0  HDMI-1
 * Lines that do not match are skipped; the work area is taken to be the whole monitor.
 */
export function parseXrandrMonitors(text: string): DisplayInfo[] {
  const displays: DisplayInfo[] = [];
  const line = /^\s*(\d+):\s+\+?(\*?)\S+\s+(\d+)\/\d+x(\d+)\/\d+([+-]\d+)([+-]\d+)/;
  for (const row of text.split('\n')) {
    const m = line.exec(row);
    if (!m) continue;
    const [, index, star, w, h, x, y] = m;
    const bounds = { x: Number(x), y: Number(y), width: Number(w), height: Number(h) };
    if (!(bounds.width > 0 && bounds.height > 0)) continue;
    displays.push({ id: Number(index), bounds, workArea: { ...bounds }, primary: star === '*' });
  }
  return displays;
}

export const FALLBACK_DISPLAY: DisplayInfo = {
  id: 0,
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workArea: { x: 0, y: 0, width: 1920, height: 1080 },
  primary: true,
};

/** The monitors xrandr reports, or undefined when there is no xrandr or no X display. */
export function listDisplays(timeoutMs = 3_000): Promise<DisplayInfo[] | undefined> {
  return new Promise((resolve) => {
    execFile('xrandr', ['--listmonitors'], { timeout: timeoutMs }, (err, stdout) => {
      const found = err ? [] : parseXrandrMonitors(stdout);
      resolve(found.length ? found : undefined);
    });
  });
}
