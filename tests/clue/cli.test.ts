// `telescene clue advertise` and `telescene clue check`, run as a person would (a real process).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { decodeMessage } from '../../shared/clue';

const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', 'clue', ...args], { encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('telescene clue', () => {
  it('advertise prints the default room advertisement, and a room file one', () => {
    const def = run('advertise');
    expect(def.code).toBe(0);
    const m = decodeMessage(def.out);
    expect(m.type === 'advertisement' && m.info.mediaCaptures.map((c) => c.captureID)).toEqual(['VC0', 'AC0']);
    const three = run('advertise', '--room', 'assets/rooms/three-screen-room.json');
    expect(three.code).toBe(0);
    expect(three.out).toContain('captureID="VCS"');
  });

  it('check exits 0 on a valid message and 1 with the problems on an invalid one', () => {
    const ok = run('check', 'tests/fixtures/clue/valid/configure.xml', '--adv', 'tests/fixtures/clue/valid/advertisement-three-camera.xml');
    expect([ok.code, ok.out.trim()]).toEqual([0, 'tests/fixtures/clue/valid/configure.xml: valid configure']);
    const bad = run('check', 'tests/fixtures/clue/invalid/configure-subset-not-allowed.xml', '--adv', 'tests/fixtures/clue/valid/advertisement-three-camera.xml');
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('405 Subset choice not allowed');
    const hostile = run('check', 'tests/fixtures/clue/invalid/billion-laughs.xml');
    expect(hostile.code).toBe(1);
    expect(hostile.out).toContain('301 Bad syntax');
  });

  it('says how to use it', () => {
    expect(run('check').code).toBe(2);
    expect(run('advertise', '--room').code).toBe(2);
    expect(run('frobnicate').code).toBe(2);
    expect(run('check', '/nonexistent.xml').code).toBe(1);
  });
});
