// Which local screen shows which far-end capture (RFC 8845 §6: captures carry spatial information
// so that the consumer can render them in the right place). Captures are ordered left to right by
// the x of their capture area's centre (else their capture point), screens by their centre x; both
// are normalised to [-1, 1] over their own extent (the far-end scene, the local wall of screens),
// and an order-keeping assignment with the least squared distance puts k captures on N >= k screens.
import type { RoomConfig } from '../../config';
import type { MediaCapture } from '../model/types';

export interface LocalScreen {
  id: string;
  /** Centre x in the local room's coordinates (mm). */
  centerX: number;
  widthMm: number;
  role: 'people' | 'content';
}

export const screensFromRoom = (room: Pick<RoomConfig, 'screens'>): LocalScreen[] =>
  room.screens.map((s) => ({ id: s.id, centerX: s.center.x, widthMm: s.widthMm, role: s.role }));

/** The capture's horizontal position, or undefined when it has no spatial information. */
export function captureX(c: MediaCapture): number | undefined {
  const a = c.spatial?.captureArea;
  if (a) return (a.bottomLeft.x + a.bottomRight.x + a.topLeft.x + a.topRight.x) / 4;
  return c.spatial?.captureOrigin?.capturePoint.x;
}

/** Horizontal extent of a capture: its area's left and right edges, or its point. */
function extent(c: MediaCapture): [number, number] | undefined {
  const a = c.spatial?.captureArea;
  if (a) return [Math.min(a.bottomLeft.x, a.topLeft.x), Math.max(a.bottomRight.x, a.topRight.x)];
  const x = c.spatial?.captureOrigin?.capturePoint.x;
  return x === undefined ? undefined : [x, x];
}

const normaliser = (lo: number, hi: number) => (x: number): number => (hi > lo ? (2 * (x - lo)) / (hi - lo) - 1 : 0);

/**
 * Assigns `captures` (at most screens.length) to distinct screens, keeping left-to-right order.
 * `scene` is every capture of the far-end scene, to normalise positions over the whole scene.
 * Returns captureID → screen id.
 */
export function placeOnScreens(captures: readonly MediaCapture[], screens: readonly LocalScreen[], scene: readonly MediaCapture[]): Map<string, string> {
  const out = new Map<string, string>();
  if (!captures.length || !screens.length) return out;
  const edges = scene.map(extent).filter((e) => e !== undefined);
  const lo = Math.min(...edges.map((e) => e[0]));
  const hi = Math.max(...edges.map((e) => e[1]));
  const cx = normaliser(lo, hi);
  // Captures without spatial information keep their advertised order, spread evenly.
  const pos = captures.map((c, i) => {
    const x = captureX(c);
    return { c, x: x === undefined || !edges.length ? (captures.length > 1 ? (2 * i) / (captures.length - 1) - 1 : 0) : cx(x), i };
  });
  pos.sort((a, b) => a.x - b.x || a.i - b.i);
  const sorted = [...screens].sort((a, b) => a.centerX - b.centerX);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (!first || !last) return out;
  const sx = normaliser(first.centerX - first.widthMm / 2, last.centerX + last.widthMm / 2);
  const spos = sorted.map((s) => sx(s.centerX));
  const k = Math.min(pos.length, sorted.length);
  const n = sorted.length;
  // cost[i][j]: best cost of placing the first i captures on the first j screens.
  const cost: number[][] = Array.from({ length: k + 1 }, () => new Array<number>(n + 1).fill(Infinity));
  const took: boolean[][] = Array.from({ length: k + 1 }, () => new Array<boolean>(n + 1).fill(false));
  for (let j = 0; j <= n; j++) (cost[0] as number[])[j] = 0;
  for (let i = 1; i <= k; i++) {
    for (let j = i; j <= n; j++) {
      const skip = cost[i]?.[j - 1] ?? Infinity;
      const d = (pos[i - 1]?.x ?? 0) - (spos[j - 1] ?? 0);
      const take = (cost[i - 1]?.[j - 1] ?? Infinity) + d * d;
      const row = cost[i] as number[];
      // On a tie the capture keeps the screen further left (free screens end up on the right).
      if (take < skip - 1e-9) {
        row[j] = take;
        (took[i] as boolean[])[j] = true;
      } else row[j] = skip;
    }
  }
  for (let i = k, j = n; i > 0 && j > 0; j--) {
    if (took[i]?.[j]) {
      const c = pos[i - 1]?.c;
      const s = sorted[j - 1];
      if (c && s) out.set(c.captureID, s.id);
      i--;
    }
  }
  return out;
}
