// Runs pdfjs in a worker thread: parsing a long PDF holds the thread for seconds, and the bot must keep answering.
// Plain JavaScript so the worker starts without a TypeScript loader (vitest, tsx and the CLI all spawn it alike).
// It hands back raw geometry only; lines are rebuilt on the caller's side (lines.ts), where they are typed and tested.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const require = createRequire(import.meta.url);
const PDFJS_DIR = dirname(require.resolve('pdfjs-dist/package.json'));

/**
 * One text item: [text, x, y (baseline), horizontal size, vertical size, width, 1 when the text stream wrote a space
 * just before it], in page points. The space tells a word gap that a justified line stretched from a column gap.
 */
function itemsOf(content) {
  const out = [];
  let spaceBefore = 0;
  for (const item of content.items) {
    if (typeof item.str !== 'string') continue;
    if (item.str.trim() === '') {
      spaceBefore = item.str.length > 0 && !item.hasEOL ? 1 : 0;
      continue;
    }
    const space = spaceBefore;
    spaceBefore = item.hasEOL ? 0 : /\s$/.test(item.str) ? 1 : 0;
    const [a, b, c, d, e, f] = item.transform;
    // Rotated or vertical runs (stamps, side labels) have no place on a line.
    if (Math.abs(b) > 0.01 * Math.abs(a) || Math.abs(c) > 0.01 * Math.abs(d)) continue;
    out.push([item.str.replace(/\t/g, ' '), e, f, Math.abs(a), Math.abs(d), item.width, space]);
  }
  return out;
}

async function extract(data) {
  const task = getDocument({
    data,
    verbosity: 0,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    cMapUrl: join(PDFJS_DIR, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(PDFJS_DIR, 'standard_fonts') + '/',
  });
  const doc = await task.promise;
  try {
    const meta = await doc.getMetadata().catch(() => null);
    const info = meta?.info ?? {};
    const pages = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent({ disableNormalization: false });
      const [x0, y0, x1, y1] = page.view;
      pages.push({ width: x1 - x0, height: y1 - y0, items: itemsOf(content) });
      page.cleanup();
    }
    return { pages, title: typeof info.Title === 'string' ? info.Title : null };
  } finally {
    await doc.destroy();
  }
}

function failureKind(err) {
  const name = err?.name ?? '';
  if (name === 'PasswordException') return 'password';
  if (name === 'InvalidPDFException' || name === 'FormatError') return 'invalid';
  return 'other';
}

parentPort.on('message', async ({ id, data }) => {
  try {
    const result = await extract(data);
    parentPort.postMessage({ id, ok: true, ...result });
  } catch (err) {
    parentPort.postMessage({ id, ok: false, kind: failureKind(err), message: String(err?.message ?? err) });
  }
});
