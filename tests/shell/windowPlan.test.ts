import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffPlans, orderDisplays, planWindows, type DisplayInfo } from '../../electron/core/room/windowPlan';

const display = (id: number, x: number, y = 0, width = 1920, height = 1080, primary = false): DisplayInfo => ({
  id,
  bounds: { x, y, width, height },
  workArea: { x, y: y + 32, width, height: height - 32 },
  primary,
});
const screens = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `s${i}`, display: i }));

describe('window planning from display lists', () => {
  it('one display, one screen: a fullscreen window covering it (kiosk)', () => {
    const plan = planWindows(screens(1), [display(7, 0, 0, 1920, 1080, true)], 'kiosk');
    expect(plan).toEqual({ windows: [{ screenId: 's0', displayId: 7, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, fullscreen: true }], unplaced: [] });
  });

  it.each([2, 3, 4])('%i displays, listed in any order, are counted left to right', (n) => {
    const shuffled = Array.from({ length: n }, (_, i) => display(100 + i, i * 1920)).reverse();
    const plan = planWindows(screens(n), shuffled, 'kiosk');
    expect(plan.windows.map((w) => [w.screenId, w.displayId, w.bounds.x])).toEqual(Array.from({ length: n }, (_, i) => [`s${i}`, 100 + i, i * 1920]));
    expect(plan.unplaced).toEqual([]);
  });

  it('displays in a column count top to bottom; ties break by id', () => {
    const ordered = orderDisplays([display(3, 0, 1080), display(1, 0, 0), display(9, 1920, 0), display(2, 1920, 0)]);
    expect(ordered.map((d) => d.id)).toEqual([1, 3, 2, 9]);
  });

  it('a 2×2 video wall with negative coordinates', () => {
    const wall = [display(1, -1920, -1080), display(2, 0, -1080), display(3, -1920, 0), display(4, 0, 0, 1920, 1080, true)];
    const plan = planWindows(screens(4), wall, 'kiosk');
    expect(plan.windows.map((w) => w.displayId)).toEqual([1, 3, 2, 4]);
  });

  it('kiosk: more screens than displays leaves the extra screens without a window', () => {
    const plan = planWindows(screens(3), [display(1, 0, 0, 1920, 1080, true)], 'kiosk');
    expect(plan.windows.map((w) => w.screenId)).toEqual(['s0']);
    expect(plan.unplaced).toEqual([
      { screenId: 's1', display: 1 },
      { screenId: 's2', display: 2 },
    ]);
  });

  it('windowed: every screen gets a desk-sized window; missing displays cascade on the primary', () => {
    const plan = planWindows(screens(3), [display(1, 0, 0, 2560, 1440), display(2, 2560, 0, 1920, 1080, true)], 'windowed');
    expect(plan.unplaced).toEqual([]);
    const [a, b, c] = plan.windows;
    expect(a).toMatchObject({ displayId: 1, fullscreen: false, bounds: { width: 1280, height: 720, x: 640, y: 32 + 344 } });
    expect(b).toMatchObject({ displayId: 2, bounds: { width: 1280, height: 720 } });
    expect(c).toMatchObject({ displayId: 2, bounds: { x: (b?.bounds.x ?? 0) + 40, y: (b?.bounds.y ?? 0) + 40 } });
  });

  it('windowed on a small laptop display: the window shrinks to 90% of the work area', () => {
    const plan = planWindows(screens(1), [display(1, 0, 0, 1366, 768, true)], 'windowed');
    const w = plan.windows[0];
    expect(w?.bounds.width).toBeLessThanOrEqual(1366 * 0.9);
    expect(w?.bounds.height).toBeLessThanOrEqual((768 - 32) * 0.9 + 1);
    expect(Math.abs((w?.bounds.width ?? 0) / (w?.bounds.height ?? 1) - 16 / 9)).toBeLessThan(0.01);
  });

  it('no displays at all: nothing is planned', () => {
    expect(planWindows(screens(2), [], 'windowed')).toEqual({ windows: [], unplaced: [{ screenId: 's0', display: 0 }, { screenId: 's1', display: 1 }] });
  });

  it('property: every window lies inside its display, and kiosk windows never share a display', () => {
    const displays = fc.uniqueArray(
      fc.record({ id: fc.integer({ min: 0, max: 1e6 }), x: fc.integer({ min: -8000, max: 8000 }), y: fc.integer({ min: -4000, max: 4000 }), w: fc.integer({ min: 640, max: 7680 }), h: fc.integer({ min: 480, max: 4320 }) }),
      { maxLength: 4, selector: (d) => d.id },
    );
    fc.assert(
      fc.property(displays, fc.integer({ min: 1, max: 8 }), fc.constantFrom('kiosk' as const, 'windowed' as const), (ds, n, mode) => {
        const list = ds.map((d) => display(d.id, d.x, d.y, d.w, d.h));
        const plan = planWindows(screens(n), list, mode);
        expect(plan.windows.length + plan.unplaced.length).toBe(n);
        for (const w of plan.windows) {
          const d = list.find((x) => x.id === w.displayId);
          if (!d) throw new Error('unknown display');
          const area = mode === 'kiosk' ? d.bounds : d.workArea;
          expect(w.bounds.x).toBeGreaterThanOrEqual(area.x);
          expect(w.bounds.y).toBeGreaterThanOrEqual(area.y);
          expect(w.bounds.x + w.bounds.width).toBeLessThanOrEqual(area.x + area.width);
          expect(w.bounds.y + w.bounds.height).toBeLessThanOrEqual(area.y + area.height);
        }
        if (mode === 'kiosk') expect(new Set(plan.windows.map((w) => w.displayId)).size).toBe(plan.windows.length);
      }),
    );
  });
});

describe('hot-plug: the difference between two plans', () => {
  const three = [display(1, 0), display(2, 1920), display(3, 3840)];

  it('unplugging the right display closes its window; plugging it back opens it again', () => {
    const before = planWindows(screens(3), three, 'kiosk').windows;
    const unplugged = planWindows(screens(3), three.slice(0, 2), 'kiosk').windows;
    expect(diffPlans(before, unplugged)).toEqual({ open: [], move: [], close: ['s2'] });
    const replugged = planWindows(screens(3), three, 'kiosk').windows;
    const changes = diffPlans(unplugged, replugged);
    expect(changes.open.map((w) => w.screenId)).toEqual(['s2']);
    expect(changes.close).toEqual([]);
  });

  it('unplugging the left display shifts the count: windows move, the last one closes', () => {
    const before = planWindows(screens(3), three, 'kiosk').windows;
    const after = planWindows(screens(3), three.slice(1), 'kiosk').windows;
    const changes = diffPlans(before, after);
    expect(changes.move.map((w) => [w.screenId, w.displayId])).toEqual([
      ['s0', 2],
      ['s1', 3],
    ]);
    expect(changes.close).toEqual(['s2']);
  });

  it('a resolution change moves the window; an identical plan changes nothing', () => {
    const before = planWindows(screens(1), [display(1, 0)], 'kiosk').windows;
    expect(diffPlans(before, planWindows(screens(1), [display(1, 0)], 'kiosk').windows)).toEqual({ open: [], move: [], close: [] });
    const after = planWindows(screens(1), [display(1, 0, 0, 3840, 2160)], 'kiosk').windows;
    expect(diffPlans(before, after).move).toHaveLength(1);
  });

  it('switching kiosk to windowed moves every window out of fullscreen', () => {
    const kiosk = planWindows(screens(2), three, 'kiosk').windows;
    const desk = planWindows(screens(2), three, 'windowed').windows;
    expect(diffPlans(kiosk, desk).move.every((w) => !w.fullscreen)).toBe(true);
  });
});
