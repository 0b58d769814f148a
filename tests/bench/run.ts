// `npm run bench`: runs every tests/bench/*.bench.ts and prints its figures. Each bench measures
// its own reference in the same run and prints ratios against it, so the numbers mean something on
// any machine (speed targets are checked here, never in timed unit tests).
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface BenchResult {
  name: string;
  /** Lines already formatted by the bench: figures, reference figures and ratios. */
  lines: string[];
  /** Targets the issue sets, each with whether this run met it. */
  targets: { label: string; met: boolean }[];
}

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only)))
  .sort();

let missed = 0;
for (const file of files) {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { default: () => Promise<BenchResult> };
  const result = await mod.default();
  console.log(`\n== ${result.name} (${file})`);
  for (const line of result.lines) console.log(`  ${line}`);
  for (const t of result.targets) {
    console.log(`  [${t.met ? 'met' : 'MISSED'}] ${t.label}`);
    if (!t.met) missed++;
  }
}
console.log(`\n${files.length} bench file(s), ${missed} target(s) missed`);
process.exitCode = missed ? 1 : 0;
