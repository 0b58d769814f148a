// `npm start` → `node out/launch.mjs`: the Electron shell when Electron's runtime binary is installed,
// otherwise (no binary: it is downloaded at install time, which needs internet) the browser host,
// saying so in one line. TELESCENE_HOST=browser (or --browser) picks the browser host anyway.
// Never `require('electron')` here: without its binary that package tries to download it.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBrowserHost } from './host/main';

export type ElectronLookup = { found: true; binary: string } | { found: false; reason: string };

/** Where the electron package keeps its binary: dist/ + the name in path.txt (as its index.js does). */
export function findElectronBinary(fromUrl: string, env: NodeJS.ProcessEnv): ElectronLookup {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(fromUrl).resolve('electron/package.json'));
  } catch {
    return { found: false, reason: 'the electron package is not installed' };
  }
  const pathFile = join(packageDir, 'path.txt');
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  if (!name) return { found: false, reason: "Electron's runtime binary is not installed (node_modules/electron/path.txt is missing)" };
  const binary = env.ELECTRON_OVERRIDE_DIST_PATH ? join(env.ELECTRON_OVERRIDE_DIST_PATH, name) : join(packageDir, 'dist', name);
  return existsSync(binary) ? { found: true, binary } : { found: false, reason: `Electron's runtime binary is missing (${binary})` };
}

async function main(args: string[]): Promise<number> {
  const here = dirname(fileURLToPath(import.meta.url));
  const forceBrowser = args.includes('--browser') || process.env.TELESCENE_HOST === 'browser';
  const rest = args.filter((a) => a !== '--browser');
  const electron = forceBrowser ? ({ found: false, reason: 'browser host requested' } as const) : findElectronBinary(import.meta.url, process.env);
  if (!electron.found) {
    process.stdout.write(`${electron.reason}: starting the browser host instead.\n`);
    return runBrowserHost(rest, import.meta.url);
  }
  // out/ is a complete app folder (bundle.mjs writes its package.json): Electron runs it by path.
  const child = spawn(electron.binary, [here, ...rest], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  return new Promise((done) => child.on('exit', (code) => done(code ?? 1)));
}

// Run only as the entry point, not when a test imports findElectronBinary.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`telescene: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
