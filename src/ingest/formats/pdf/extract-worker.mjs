// Runs pdfjs in a worker thread: parsing a long PDF holds the thread for seconds, and the bot must keep answering.
// Plain JavaScript so the worker starts without a TypeScript loader (vitest, tsx and the CLI all spawn it alike).
// It hands back raw geometry only; lines and tables are rebuilt on the caller's side (lines.ts, tables.ts), where
// they are typed and tested.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parentPort } from 'node:worker_threads';

const require = createRequire(import.meta.url);
const PDFJS_DIR = dirname(require.resolve('pdfjs-dist/package.json'));

/**
 * pdfjs's core (the part its own worker runs, here in this thread) with the content-stream parser it keeps private
 * exported: the ruling lines of tables are read from the page's path operators by that parser, one pass over the
 * content stream that skips glyphs and images. The public getOperatorList builds and copies every glyph and image
 * of the page: four times the cost of the text itself on these files, far over the 20 pages/s the issue asks.
 * The version is pinned exactly (5.6.205); if the names are ever missing, tables are not read and text still is.
 */
const core = await loadCore();
globalThis.pdfjsWorker = core;
const { getDocument, OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');

async function loadCore() {
  const path = require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs');
  const exported = ['Page', 'EvaluatorPreprocessor'];
  // Its source-map comment is dropped: relative to a data: URL it names nothing, and a loader with source maps on fails.
  const source = `${readFileSync(path, 'utf8').replace(/^\/\/# sourceMappingURL=.*$/m, '')}\nexport { ${exported.map((n) => `${n} as __${n}`).join(', ')} };\n`;
  try {
    return await import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`);
  } catch {
    return await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  }
}

/** The core's page objects of the document being read, by page index, as pdfjs reads each page's text. */
const corePages = new Map();
if (core.__Page) {
  const extractTextContent = core.__Page.prototype.extractTextContent;
  core.__Page.prototype.extractTextContent = function (...args) {
    corePages.set(this.pageIndex, this);
    return extractTextContent.apply(this, args);
  };
}

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

/** Thinner than this (points), a filled rectangle is a drawn line. */
const THIN = 2.5;
/** Shorter than this, a segment is part of a glyph, an arrow or a map, not a table's rule. */
const SHORT = 3;

/**
 * What a page draws that its text content does not say, from one pass over its content stream:
 * - rules: the horizontal and vertical rules, flat as x0, y0, x1, y1 (page points, x0 ≤ x1, y0 ≤ y1): stroked
 *   straight segments and rectangle edges, and filled rectangles thin enough to be lines, with save/restore and cm
 *   tracked. Curves, clipping paths and anything slanted are skipped.
 * - starts: where each run of text placed by its own text matrix or move begins and how many glyphs it shows, flat
 *   as x, y, glyphs. pdfjs joins runs on a line into one text item (a label spread over three cells, "청 년 정 책 과
 *   지 산 학 …"); these say where each part really stands, so the item can be cut at a cell's rule.
 * Form XObjects are not entered (none of the office's exports draws tables in them).
 */
async function drawnOf(corePage) {
  const rules = [];
  const starts = [];
  if (!corePage || !core.__EvaluatorPreprocessor) return { rules, starts };
  const stream = await corePage.getContentStream();
  stream.reset();
  const pre = new core.__EvaluatorPreprocessor(stream, corePage.xref);
  const op = { fn: 0, args: null };
  // Sub-paths of the path being built, each a flat list of points; null marks a sub-path with a curve.
  let subpaths = [];
  let current = null;
  const flush = (fn) => {
    const ctm = pre.stateManager.state.ctm;
    const stroke = fn !== OPS.fill && fn !== OPS.eoFill;
    for (const pts of subpaths) if (pts && pts.length >= 4) addRules(rules, transformed(pts, ctm), stroke);
    subpaths = [];
    current = null;
  };
  // The text line matrix; `placed` while no run has been shown since it was set (a later run's start is unknown
  // without the font's widths).
  let line = [1, 0, 0, 1, 0, 0];
  let leading = 0;
  let placed = false;
  const move = (tx, ty) => {
    line = [line[0], line[1], line[2], line[3], line[4] + tx * line[0] + ty * line[2], line[5] + tx * line[1] + ty * line[3]];
    placed = true;
  };
  // Bytes a glyph takes in the current font's strings: two in a composite (Type0) font, as 한글 writes Hangul.
  const fonts = corePage.resources.get('Font');
  const wide = new Map();
  let glyphBytes = 1;
  const show = (strings) => {
    let bytes = 0;
    for (const s of strings) if (typeof s === 'string') bytes += s.length;
    const glyphs = Math.round(bytes / glyphBytes);
    if (placed) {
      const [a, b, c, d, e, f] = pre.stateManager.state.ctm;
      starts.push(a * line[4] + c * line[5] + e, b * line[4] + d * line[5] + f, glyphs);
      placed = false;
    } else if (starts.length > 0) starts[starts.length - 1] += glyphs;
  };
  while (pre.read(op)) {
    const a = op.args;
    switch (op.fn) {
      case OPS.beginText:
        line = [1, 0, 0, 1, 0, 0];
        placed = true;
        break;
      case OPS.setTextMatrix:
        line = [a[0], a[1], a[2], a[3], a[4], a[5]];
        placed = true;
        break;
      case OPS.moveText:
        move(a[0], a[1]);
        break;
      case OPS.setLeadingMoveText:
        leading = -a[1];
        move(a[0], a[1]);
        break;
      case OPS.setLeading:
        leading = a[0];
        break;
      case OPS.nextLine:
        move(0, -leading);
        break;
      case OPS.setFont: {
        const name = a[0]?.name ?? String(a[0]);
        if (!wide.has(name)) wide.set(name, fonts?.get?.(name)?.get?.('Subtype')?.name === 'Type0');
        glyphBytes = wide.get(name) ? 2 : 1;
        break;
      }
      case OPS.nextLineShowText:
        move(0, -leading);
        show([a[0]]);
        break;
      case OPS.nextLineSetSpacingShowText:
        move(0, -leading);
        show([a[2]]);
        break;
      case OPS.showText:
        show([a[0]]);
        break;
      case OPS.showSpacedText:
        show(a[0]);
        break;
      case OPS.moveTo:
        current = [a[0], a[1]];
        subpaths.push(current);
        break;
      case OPS.lineTo:
        if (current) current.push(a[0], a[1]);
        break;
      case OPS.rectangle: {
        const [x, y, w, h] = a;
        subpaths.push([x, y, x + w, y, x + w, y + h, x, y + h, x, y]);
        current = null;
        break;
      }
      case OPS.curveTo:
      case OPS.curveTo2:
      case OPS.curveTo3:
        if (current) subpaths[subpaths.length - 1] = null;
        current = null;
        break;
      case OPS.closePath:
        if (current && current.length >= 4) current.push(current[0], current[1]);
        break;
      case OPS.stroke:
      case OPS.closeStroke:
      case OPS.fill:
      case OPS.eoFill:
      case OPS.fillStroke:
      case OPS.eoFillStroke:
      case OPS.closeFillStroke:
      case OPS.closeEOFillStroke:
        flush(op.fn);
        break;
      case OPS.endPath:
        subpaths = [];
        current = null;
        break;
    }
    op.args = null;
  }
  return { rules, starts };
}

function transformed(pts, [a, b, c, d, e, f]) {
  const out = new Array(pts.length);
  for (let i = 0; i < pts.length; i += 2) {
    out[i] = a * pts[i] + c * pts[i + 1] + e;
    out[i + 1] = b * pts[i] + d * pts[i + 1] + f;
  }
  return out;
}

function addRules(rules, pts, stroke) {
  if (stroke) {
    for (let i = 2; i < pts.length; i += 2) addSegment(rules, pts[i - 2], pts[i - 1], pts[i], pts[i + 1]);
    return;
  }
  // A filled shape is a line when it is a thin box: its centre line along its length.
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (let i = 0; i < pts.length; i += 2) {
    x0 = Math.min(x0, pts[i]);
    x1 = Math.max(x1, pts[i]);
    y0 = Math.min(y0, pts[i + 1]);
    y1 = Math.max(y1, pts[i + 1]);
  }
  if (y1 - y0 <= THIN && x1 - x0 >= SHORT) addSegment(rules, x0, (y0 + y1) / 2, x1, (y0 + y1) / 2);
  else if (x1 - x0 <= THIN && y1 - y0 >= SHORT) addSegment(rules, (x0 + x1) / 2, y0, (x0 + x1) / 2, y1);
}

function addSegment(rules, xa, ya, xb, yb) {
  const dx = Math.abs(xb - xa);
  const dy = Math.abs(yb - ya);
  if (dy <= 0.5 && dx >= SHORT) rules.push(Math.min(xa, xb), (ya + yb) / 2, Math.max(xa, xb), (ya + yb) / 2);
  else if (dx <= 0.5 && dy >= SHORT) rules.push((xa + xb) / 2, Math.min(ya, yb), (xa + xb) / 2, Math.max(ya, yb));
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
      // A page whose drawing cannot be read is still read as text.
      const drawn = await drawnOf(corePages.get(n - 1)).catch(() => ({ rules: [], starts: [] }));
      corePages.clear();
      const [x0, y0, x1, y1] = page.view;
      pages.push({ width: x1 - x0, height: y1 - y0, items: itemsOf(content), ...drawn });
      page.cleanup();
    }
    return { pages, title: typeof info.Title === 'string' ? info.Title : null };
  } finally {
    corePages.clear();
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
