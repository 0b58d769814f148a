// `node build/renderIcon.mjs`: renders assets/icon.svg to assets/icon.png (512×512, transparent
// corners) with Debian's Chromium through playwright-core. The PNG is committed; electron-builder
// derives every platform's icon sizes from it. Re-run after editing the SVG.
import { chromium } from 'playwright-core';
import console from 'node:console';
import process from 'node:process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const assets = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets');
const svg = readFileSync(join(assets, 'icon.svg'), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.TELESCENE_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
});
try {
  const page = await browser.newPage({ viewport: { width: 512, height: 512 }, deviceScaleFactor: 1 });
  await page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}</style>${svg}`);
  await page.locator('svg').screenshot({ path: join(assets, 'icon.png'), omitBackground: true });
  console.log('wrote assets/icon.png');
} finally {
  await browser.close();
}
