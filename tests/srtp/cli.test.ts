// `telescene srtp` as a person runs it (a real child process): the libsrtp golden vectors through
// stdin/stdout, state carried from line to line, one `error: REASON` line per refused packet, and
// usage errors. Runs without libsrtp installed.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProfileFixture } from '../interop/libsrtp/makeFixtures';
import { runCli } from '../interop/libsrtp/oracle';

const repo = join(__dirname, '..', '..');
const { fixtures } = JSON.parse(readFileSync(join(repo, 'tests/fixtures/srtp/libsrtp-vectors.json'), 'utf8')) as { fixtures: ProfileFixture[] };

function cli(args: string[], input = ''): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(repo, 'electron/cli/main.ts'), 'srtp', ...args], {
    input,
    encoding: 'utf8',
    cwd: repo,
    timeout: 20_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('telescene srtp', () => {
  const gcm = fixtures.find((f) => f.profile === 'AEAD_AES_128_GCM')!;
  const cm = fixtures.find((f) => f.profile === 'AES_CM_128_HMAC_SHA1_80')!;
  const keyArgs = (f: ProfileFixture) => ['--profile', f.profile, '--key', f.key, '--salt', f.salt];

  it('protects RTP with encrypted header extensions to the libsrtp bytes, across the ROC wrap', () => {
    const c = gcm.cases.find((x) => x.kind === 'ext')!;
    expect(runCli(['protect', ...keyArgs(gcm), '--encrypt-ext', gcm.encryptExt.join(',')], c.plain)).toEqual(c.protected);
  });

  it('unprotects SRTCP (E = 1 and E = 0) and reports replays and garbage line by line', () => {
    const e1 = cm.cases.find((x) => x.kind === 'rtcp')!;
    const e0 = cm.cases.find((x) => x.kind === 'rtcp-auth-only')!;
    // The E = 0 packet carries SRTCP index 5 of the same SSRC: seen already, so a replay.
    const input = [...e1.protected, e1.protected[0]!, 'not hex', '', e0.protected[4]!];
    const r = cli(['unprotect', ...keyArgs(cm), '--rtcp'], input.join('\n') + '\n');
    expect(r.stdout.trim().split('\n')).toEqual([...e1.plain, 'error: replay', 'error: malformed', 'error: truncated', 'error: replay']);
    expect(r.status).toBe(1);
    expect(runCli(['unprotect', ...keyArgs(cm), '--rtcp'], e0.protected)).toEqual(e0.plain);
  });

  it('exits 0 when every line passed', () => {
    const c = cm.cases.find((x) => x.kind === 'rtp')!;
    const r = cli(['unprotect', ...keyArgs(cm)], c.protected.join('\n') + '\n');
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual(c.plain);
  });

  it('refuses bad usage with exit status 2 and says why', () => {
    expect(cli(['protect', '--profile', 'NULL_HMAC_SHA1_80', '--key', cm.key, '--salt', cm.salt])).toMatchObject({ status: 2, stderr: expect.stringContaining('unknown profile') });
    expect(cli(['protect', '--profile', cm.profile, '--key', 'abcd', '--salt', cm.salt])).toMatchObject({ status: 2, stderr: expect.stringContaining('16-octet key') });
    expect(cli(['decrypt', ...keyArgs(cm)]).status).toBe(2);
    expect(cli(['protect', ...keyArgs(cm), '--encrypt-ext', '0'])).toMatchObject({ status: 2, stderr: expect.stringContaining('extension id') });
    expect(cli(['--help'])).toMatchObject({ status: 0, stdout: expect.stringContaining('usage: telescene srtp') });
  });
});
