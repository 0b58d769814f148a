// `node out/host.mjs [--config FILE] [--port N] [--no-browser]`: the browser host on its own
// (also reached from out/launch.mjs when Electron's runtime is missing, and `telescene host`).
// TELESCENE_CONFIG, TELESCENE_PORT and TELESCENE_NO_BROWSER=1 do the same as the flags.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger } from '../core/log';
import { startBrowserHost } from './browserHost';

const log = createLogger('host');

export interface HostArgs {
  configPath?: string;
  port?: number;
  openBrowser: boolean;
}

/** Flags win over environment variables. Throws a one-line message for a bad flag. */
export function parseHostArgs(args: readonly string[], env: NodeJS.ProcessEnv): HostArgs {
  const out: HostArgs = { openBrowser: !['1', 'true', 'yes'].includes((env.TELESCENE_NO_BROWSER ?? '').toLowerCase()) };
  if (env.TELESCENE_CONFIG) out.configPath = env.TELESCENE_CONFIG;
  if (env.TELESCENE_PORT) out.port = portNumber(env.TELESCENE_PORT);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = () => {
      const v = args[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--config') out.configPath = resolve(value());
    else if (arg === '--port') out.port = portNumber(value());
    else if (arg === '--no-browser') out.openBrowser = false;
    else throw new Error(`unknown option ${arg} (options: --config FILE, --port N, --no-browser)`);
  }
  return out;
}

function portNumber(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`"${text}" is not a port number`);
  return port;
}

/** out/renderer beside the bundle; from a checkout (tsx), the repository's out/renderer. */
export function findRendererDir(moduleUrl: string, env: NodeJS.ProcessEnv): string | undefined {
  const here = dirname(fileURLToPath(moduleUrl));
  const candidates = [env.TELESCENE_RENDERER_DIR, join(here, 'renderer'), join(here, '..', '..', 'out', 'renderer')];
  return candidates.find((dir): dir is string => dir !== undefined && existsSync(join(dir, 'index.html')));
}

/** Runs the host until SIGINT/SIGTERM; resolves with the exit code. */
export async function runBrowserHost(args: readonly string[], moduleUrl: string = import.meta.url): Promise<number> {
  const options = parseHostArgs(args, process.env);
  const rendererDir = findRendererDir(moduleUrl, process.env);
  if (!rendererDir) {
    process.stderr.write('telescene: the room view is not built; run `node build/bundle.mjs` first\n');
    return 1;
  }
  const host = await startBrowserHost({ ...options, rendererDir, print: (line) => process.stdout.write(`${line}\n`) });
  return new Promise<number>((done) => {
    const stop = (signal: string) => {
      log.info('stopping', { signal });
      host.close().then(
        () => done(0),
        () => done(1),
      );
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
}

/** `telescene host [--config FILE] [--port N] [--no-browser]` (electron/cli/main.ts). */
export default function hostCommand(args: string[]): Promise<number> {
  return runBrowserHost(args);
}
