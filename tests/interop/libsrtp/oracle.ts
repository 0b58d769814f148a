// Builds the libsrtp oracle (srtp_oracle.c beside this file) with gcc into a temp dir, and runs it and
// the `telescene srtp` CLI over the same line protocol. Needs gcc and Debian's libsrtp2-dev.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..', '..');

export function libsrtpMissing(): string | null {
  const pc = spawnSync('pkg-config', ['--exists', 'libsrtp2']);
  if (pc.error || pc.status !== 0) return 'pkg-config libsrtp2 not found (apt-get install libsrtp2-dev pkg-config)';
  return null;
}

export interface Oracle {
  run(args: string[], lines: string[]): string[];
  dispose(): void;
}

export function buildOracle(): Oracle {
  const dir = mkdtempSync(join(tmpdir(), 'telescene-srtp-oracle-'));
  const bin = join(dir, 'srtp_oracle');
  const flags = spawnSync('pkg-config', ['--cflags', '--libs', 'libsrtp2'], { encoding: 'utf8' }).stdout.trim().split(/\s+/);
  const cc = spawnSync('gcc', ['-O2', '-Wall', '-o', bin, join(here, 'srtp_oracle.c'), ...flags.filter(Boolean)], { encoding: 'utf8' });
  if (cc.status !== 0) throw new Error(`gcc failed: ${cc.stderr}`);
  return {
    run: (args, lines) => runLines(bin, args, lines),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** `telescene srtp ARGS` through tsx, as `npm run telescene -- srtp ARGS` runs it. */
export function runCli(args: string[], lines: string[]): string[] {
  return runLines(process.execPath, ['--import', 'tsx', join(repo, 'electron/cli/main.ts'), 'srtp', ...args], lines, repo);
}

function runLines(bin: string, args: string[], lines: string[], cwd?: string): string[] {
  const r = spawnSync(bin, args, { input: lines.join('\n') + '\n', encoding: 'utf8', cwd, timeout: 20_000 });
  if (r.error) throw r.error;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${bin} exited ${r.status}: ${r.stderr}`);
  return r.stdout.split('\n').slice(0, lines.length);
}
