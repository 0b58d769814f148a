// The Electron shell's command line: `telescene [--config FILE]` (TELESCENE_CONFIG does the same).
// Chromium's own switches may be on the same command line, so unknown arguments are ignored.
import { resolve } from 'node:path';

export function configPathFromArgs(argv: readonly string[], env: NodeJS.ProcessEnv): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--config' && argv[i + 1] !== undefined) return resolve(argv[i + 1] as string);
    if (arg?.startsWith('--config=')) return resolve(arg.slice('--config='.length));
  }
  return env.TELESCENE_CONFIG || undefined;
}
