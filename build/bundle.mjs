// `node build/bundle.mjs [--dev] [--out DIR]`: bundles every entry point with esbuild into out/ (or DIR):
//   out/main.cjs, out/preload.cjs   the Electron shell (CJS, 'electron' external)
//   out/launch.mjs, out/host.mjs    `npm start` and the browser host (ESM, Node)
//   out/cli.mjs                     the `telescene` command (package.json "bin")
//   out/renderer/                   the room view: index.html, app.js, app.css, icon.png
//   out/package.json                makes out/ a complete Electron app folder (electron-builder packs it)
// Everything the app needs is inside these files: the packaged app carries no node_modules.
import { build } from 'esbuild';
import console from 'node:console';
import process from 'node:process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outFlag = process.argv.indexOf('--out');
const out = outFlag > 0 && process.argv[outFlag + 1] ? resolve(process.argv[outFlag + 1]) : join(root, 'out');
const dev = process.argv.includes('--dev');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const common = {
  absWorkingDir: root,
  bundle: true,
  logLevel: 'warning',
  legalComments: 'linked',
  sourcemap: dev ? 'linked' : false,
  define: { 'process.env.NODE_ENV': JSON.stringify(dev ? 'development' : 'production') },
};

// An ESM bundle may contain CommonJS dependencies that call require(): give them one.
const esmRequire = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

const started = Date.now();
rmSync(join(out, 'renderer'), { recursive: true, force: true });
mkdirSync(join(out, 'renderer'), { recursive: true });

await Promise.all([
  build({ ...common, entryPoints: { main: 'electron/main/main.ts' }, outdir: out, outExtension: { '.js': '.cjs' }, platform: 'node', format: 'cjs', target: 'node22', external: ['electron'] }),
  // Sandboxed preloads run in the renderer process: browser platform, CommonJS, only 'electron' required.
  build({ ...common, entryPoints: { preload: 'electron/main/preload.ts' }, outdir: out, outExtension: { '.js': '.cjs' }, platform: 'browser', format: 'cjs', target: 'chrome130', external: ['electron'] }),
  build({ ...common, entryPoints: { launch: 'electron/launch.ts', host: 'electron/host/run.ts' }, outdir: out, outExtension: { '.js': '.mjs' }, platform: 'node', format: 'esm', target: 'node20', banner: { js: esmRequire } }),
  build({ ...common, entryPoints: { app: 'renderer/main.tsx' }, outdir: join(out, 'renderer'), platform: 'browser', format: 'esm', target: 'chrome130', jsx: 'automatic', minify: !dev }),
  build({ ...common, entryPoints: { app: 'renderer/app.css' }, outdir: join(out, 'renderer'), minify: !dev }),
]);

// The CLI gathers every subcommand's module; one that does not build yet must not stop `npm start`.
await build({ ...common, entryPoints: { cli: 'electron/cli/main.ts' }, outdir: out, outExtension: { '.js': '.mjs' }, platform: 'node', format: 'esm', target: 'node20', banner: { js: esmRequire } }).catch(
  (err) => console.warn(`out/cli.mjs not built: ${err.message.split('\n')[0]}`),
);
copyFileSync(join(root, 'renderer', 'index.html'), join(out, 'renderer', 'index.html'));
copyFileSync(join(root, 'assets', 'icon.png'), join(out, 'renderer', 'icon.png'));

const appPackage = {
  name: pkg.name,
  productName: 'Telescene',
  version: pkg.version,
  description: pkg.description,
  ...(pkg.license ? { license: pkg.license } : {}),
  ...(pkg.author ? { author: pkg.author } : {}),
  ...(pkg.homepage ? { homepage: pkg.homepage } : {}),
  main: 'main.cjs',
};
writeFileSync(join(out, 'package.json'), `${JSON.stringify(appPackage, null, 2)}\n`);
console.log(`bundled into ${out} in ${Date.now() - started} ms${dev ? ' (dev)' : ''}`);
