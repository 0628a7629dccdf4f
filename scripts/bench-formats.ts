/**
 * `node --import tsx scripts/bench-formats.ts`: time per file of the HWPX reader (unzip, XML, lines) over every
 * HWPX of ../shared/originals, each read a few times after one warm-up pass. Issue #19 asks for under 50 ms a file.
 * Then the HWP 5 reader over every .hwp there, whole (its child process started, the body read, the lines made).
 * A benchmark, not a test: the figures go into the notes.
 */
import { readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { readHwp5 } from '../src/ingest/formats/hwp5/index.js';
import { readHwpxSync } from '../src/ingest/formats/hwpx.js';
import { originalFiles, sharedOriginalsDir } from './lib/corpus-paths.js';

const ROUNDS = 5;
const originals = sharedOriginalsDir();
if (!originals) {
  process.stderr.write('../shared/originals not found beside the repository: nothing to measure\n');
  process.exit(0);
}
const files = originalFiles('.hwpx');

// The warm-up pass loads the modules and lets the JIT settle; it is left out of the figures.
for (const file of files) readHwpxSync(readFileSync(file), file);

const perFile: Array<{ file: string; kb: number; lines: number; ms: number }> = [];
for (const file of files) {
  const bytes = readFileSync(file);
  let lines = 0;
  const t0 = performance.now();
  for (let i = 0; i < ROUNDS; i++) lines = readHwpxSync(bytes, file).lines.length;
  perFile.push({ file: relative(originals, file), kb: statSync(file).size / 1024, lines, ms: (performance.now() - t0) / ROUNDS });
}
for (const r of perFile)
  process.stdout.write(`${r.ms.toFixed(1).padStart(7)} ms  ${r.kb.toFixed(0).padStart(6)} KB  ${String(r.lines).padStart(5)} lines  ${r.file}\n`);
const total = perFile.reduce((n, r) => n + r.ms, 0);
const worst = perFile.reduce((a, b) => (b.ms > a.ms ? b : a));
process.stdout.write(
  `HWPX: ${perFile.length} files, ${(total / perFile.length).toFixed(1)} ms a file on average, slowest ${worst.ms.toFixed(1)} ms (${worst.file}); peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB\n`,
);

// HWP 5: each file read in a child process of its own (the price of surviving a library that aborts), so the
// figure includes starting Node there; one round, after one warm-up read.
const hwpFiles = originalFiles('.hwp');
if (hwpFiles.length) {
  await readHwp5(readFileSync(hwpFiles[0]!), hwpFiles[0]!);
  const hwp: Array<{ file: string; kb: number; lines: number; ms: number }> = [];
  for (const file of hwpFiles) {
    const bytes = readFileSync(file);
    const t0 = performance.now();
    const { lines } = await readHwp5(bytes, file);
    hwp.push({ file: relative(originals, file), kb: bytes.length / 1024, lines: lines.length, ms: performance.now() - t0 });
  }
  for (const r of hwp)
    process.stdout.write(`${r.ms.toFixed(1).padStart(7)} ms  ${r.kb.toFixed(0).padStart(6)} KB  ${String(r.lines).padStart(5)} lines  ${r.file}\n`);
  const slowest = hwp.reduce((a, b) => (b.ms > a.ms ? b : a));
  process.stdout.write(
    `HWP 5: ${hwp.length} files, ${(hwp.reduce((n, r) => n + r.ms, 0) / hwp.length).toFixed(1)} ms a file on average, slowest ${slowest.ms.toFixed(1)} ms (${slowest.file})\n`,
  );
}
