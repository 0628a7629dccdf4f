// Runs one HWP 5 library on one file in a child process: @ohah/hwpjs is native code that aborts the whole process
// on some damaged files (a Rust panic is not an exception), and a library may loop on a bad record; the parent
// survives both and tries the next reader. Plain JavaScript so it starts without a TypeScript loader.
// Usage: node extract-child.mjs <sections|hwpjs|hwp.js|preview>, the file's bytes on stdin; JSON on stdout, exit code 0.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** hwp.js's objects carry layout buffers the text never needs. */
const HWP_JS_DROPPED = new Set(['shapeBuffer', 'lineSegments', 'info']);

function hwpjs(bytes) {
  // Already JSON: passed through as it is, read on the parent's side where it is typed.
  return require('@ohah/hwpjs').toJson(bytes);
}

function hwpJs(bytes) {
  const doc = require('hwp.js').parse(bytes, { type: 'buffer' });
  return JSON.stringify(doc.sections, (key, value) => (HWP_JS_DROPPED.has(key) ? undefined : value));
}

/** Bodies larger than this once inflated are refused: a few kilobytes of deflate can claim gigabytes. */
const MAX_SECTION_BYTES = 256 * 1024 * 1024;

/**
 * The body's record streams (BodyText/Section0, 1, …), inflated when the FileHeader says they are compressed;
 * the records themselves are read on the parent's side (records.ts). Encrypted and distribution copies are refused.
 */
function sections(bytes) {
  const CFB = require('cfb');
  const { inflateRawSync } = require('node:zlib');
  const cfb = CFB.read(bytes, { type: 'buffer' });
  const header = CFB.find(cfb, '/FileHeader')?.content;
  if (!header || Buffer.from(header).subarray(0, 17).toString('latin1') !== 'HWP Document File')
    throw new Error('FileHeader가 없거나 HWP 문서가 아닙니다');
  const flags = Buffer.from(header).readUInt32LE(36);
  if (flags & 2) throw new Error('암호가 걸린 문서입니다');
  if (flags & 4) throw new Error('배포용 문서입니다(본문이 암호화됨)');
  const out = [];
  for (let n = 0; ; n++) {
    const entry = CFB.find(cfb, `/BodyText/Section${n}`);
    if (!entry?.content) break;
    const raw = Buffer.from(entry.content);
    const body = flags & 1 ? inflateRawSync(raw, { maxOutputLength: MAX_SECTION_BYTES, finishFlush: 2 }) : raw;
    out.push(body.toString('base64'));
  }
  if (out.length === 0) throw new Error('본문(BodyText/Section0)이 없습니다');
  return JSON.stringify({ sections: out });
}

/** The PrvText stream: UTF-16LE, the first part of the document as 한글 saved it for previews. */
function preview(bytes) {
  const CFB = require('cfb');
  const entry = CFB.find(CFB.read(bytes, { type: 'buffer' }), '/PrvText');
  const text = entry?.content ? Buffer.from(entry.content).toString('utf16le') : '';
  return JSON.stringify({ text });
}

const STAGES = { sections, hwpjs, 'hwp.js': hwpJs, preview };

async function main() {
  const run = STAGES[process.argv[2]];
  if (!run) throw new Error(`unknown stage ${process.argv[2]}`);
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const out = run(Buffer.concat(chunks));
  process.stdout.write(out, () => process.exit(0));
}

main().catch((err) => {
  process.stderr.write(String(err?.message ?? err).slice(0, 500));
  process.exit(2);
});
