// Runs an interop scenario (tests/interop/*, tests/bench/dtls.bench.ts) in a private network namespace (`unshare -n`, then `ip link set lo up`):
// only loopback exists there, nothing leaves the machine and ports never clash. Bounded in time.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const PYTHON = '/usr/bin/python3';
export const CHROMIUM = '/usr/bin/chromium';

export function hasAiortc(): boolean {
  return spawnSync(PYTHON, ['-c', 'import aiortc, av'], { stdio: 'ignore' }).status === 0;
}

export function hasChromium(): boolean {
  return spawnSync(CHROMIUM, ['--version'], { stdio: 'ignore', timeout: 20_000 }).status === 0;
}

export function canUnshare(): boolean {
  return spawnSync('unshare', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
}

/** Runs `script` (a .ts file) under tsx inside a fresh netns; resolves with the RESULT lines' JSON. */
export function runInNetns(script: string, args: string[], timeoutMs: number): Promise<{ results: Record<string, unknown>[]; log: string; code: number | null }> {
  const tsx = fileURLToPath(import.meta.resolve('tsx'));
  return new Promise((resolve) => {
    const child = spawn('unshare', ['-n', '--', 'sh', '-c', 'ip link set lo up && exec "$0" "$@"', process.execPath, '--import', tsx, script, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, TELESCENE_LOG: process.env.TELESCENE_LOG ?? 'warn' },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      const results = out
        .split('\n')
        .filter((l) => l.startsWith('RESULT '))
        .map((l) => JSON.parse(l.slice(7)) as Record<string, unknown>);
      resolve({ results, log: `${out}\n${err}`, code });
    });
  });
}
