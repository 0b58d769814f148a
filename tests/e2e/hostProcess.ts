// Starts the real browser host as `npm start` does after bundling (`node out/launch.mjs`; tests
// bundle into their own folder so that parallel test files never rebuild under each other), with a
// temp configuration and TELESCENE_NO_BROWSER=1, and collects the screen URLs it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface HostProcess {
  child: ChildProcess;
  /** Screen id → URL, as printed. */
  urls: Map<string, string>;
  origin: string;
  stdout: string[];
  stderr: string[];
  stop(): Promise<number | null>;
}

const SCREEN_LINE = /^\s+screen (\S+): (http:\/\/127\.0\.0\.1:\d+\/\S+)$/;

export function startHost(outDir: string, configPath: string, screenCount: number, timeoutMs = 20_000): Promise<HostProcess> {
  const child = spawn(process.execPath, [join(outDir, 'launch.mjs')], {
    cwd: outDir,
    env: { ...process.env, TELESCENE_CONFIG: configPath, TELESCENE_NO_BROWSER: '1', TELESCENE_PORT: '0', TELESCENE_LOG: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const host: HostProcess = {
    child,
    urls: new Map(),
    origin: '',
    stdout: [],
    stderr: [],
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      }),
  };
  const lines = (sink: string[]) => {
    let partial = '';
    return (chunk: Buffer) => {
      const parts = (partial + chunk.toString('utf8')).split('\n');
      partial = parts.pop() ?? '';
      sink.push(...parts);
    };
  };
  child.stderr.on('data', lines(host.stderr));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host printed no URLs in ${timeoutMs} ms:\n${host.stdout.join('\n')}\n${host.stderr.join('\n')}`)), timeoutMs);
    const onLine = lines(host.stdout);
    child.stdout.on('data', (chunk: Buffer) => {
      onLine(chunk);
      for (const line of host.stdout) {
        const m = SCREEN_LINE.exec(line);
        if (m?.[1] && m[2]) host.urls.set(m[1], m[2]);
      }
      if (host.urls.size >= screenCount) {
        clearTimeout(timer);
        host.origin = new URL([...host.urls.values()][0] ?? '').origin;
        resolve(host);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code}:\n${host.stdout.join('\n')}\n${host.stderr.join('\n')}`));
    });
  });
}
