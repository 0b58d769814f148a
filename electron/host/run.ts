// Entry of out/host.mjs: the browser host on its own (see main.ts for the options).
import { runBrowserHost } from './main';

runBrowserHost(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`telescene: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
