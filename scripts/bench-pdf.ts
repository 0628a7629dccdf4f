/**
 * `node --import tsx scripts/bench-pdf.ts`: pages per second of the PDF reader (worker thread, line rebuilding)
 * over every PDF of ../shared/originals, and the peak RSS of the process (the worker thread included).
 * A benchmark, not a test: the figures go into the notes. Issue #19 asks for 20 pages/s or more, tables included.
 * On a shared machine the wall clock says more about the others' load than about the reader: the CPU time the
 * process spent (all threads) is printed beside it, and pages per CPU second compare runs made at different loads.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { extractPdf } from '../src/ingest/formats/pdf/worker-client.js';
import { toExtracted } from '../src/ingest/formats/pdf/index.js';
import { originalFiles, sharedOriginalsDir } from './lib/corpus-paths.js';

const originals = sharedOriginalsDir();
if (!originals) {
  process.stderr.write('../shared/originals not found beside the repository: nothing to measure\n');
  process.exit(0);
}
const files = originalFiles('.pdf');

// The first file also starts the worker and loads pdfjs; that start-up is part of the figure.
let pages = 0;
let lines = 0;
const started = performance.now();
const cpuStart = process.cpuUsage();
for (const file of files) {
  const t0 = performance.now();
  const raw = await extractPdf(readFileSync(file), 120_000);
  const text = toExtracted(raw, file);
  pages += raw.pages.length;
  lines += text.lines.length;
  process.stderr.write(`${relative(originals, file)}  ${raw.pages.length}쪽  ${Math.round(performance.now() - t0)} ms\n`);
}
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const rssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(
  `${files.length} PDFs, ${pages} pages, ${lines} lines in ${seconds.toFixed(1)} s: ${(pages / seconds).toFixed(1)} pages/s; ` +
    `CPU ${cpuSeconds.toFixed(1)} s: ${(pages / cpuSeconds).toFixed(1)} pages per CPU second; peak RSS ${rssMb.toFixed(0)} MB\n`,
);
