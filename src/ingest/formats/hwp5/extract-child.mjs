// Reads one HWP 5 file in a child process, one stage a process: the compound file and deflate streams of a damaged
// file can make a library loop, exhaust its memory or abort, and the parent survives all three and tries the next
// stage. Plain JavaScript so it starts without a TypeScript loader.
// Usage: node extract-child.mjs <sections|hwp.js|preview>, the file's bytes on stdin; JSON on stdout, exit code 0.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** hwp.js's objects carry layout buffers the text never needs. */
const HWP_JS_DROPPED = new Set(['shapeBuffer', 'lineSegments', 'info']);

function hwpJs(bytes) {
  // hwp.js inflates without a bound and keeps every record: on a deflate bomb it grows for minutes past any heap
  // limit (its buffers are outside the heap). The body is measured first, as the record reader measures it.
  bodyOf(bytes);
  const doc = require('hwp.js').parse(bytes, { type: 'buffer' });
  return JSON.stringify(doc.sections, (key, value) => (HWP_JS_DROPPED.has(key) ? undefined : value));
}

/**
 * A body larger than this once inflated is refused: a few kilobytes of deflate can claim gigabytes, and the parent
 * reads what is sent. The largest of the real files is 270 KB.
 */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

/**
 * The body's record streams (BodyText/Section0, 1, …), inflated when the FileHeader says they are compressed;
 * the records themselves are read on the parent's side (records.ts). Encrypted and distribution copies are refused.
 */
function sections(bytes) {
  return JSON.stringify({ sections: bodyOf(bytes).map((b) => b.toString('base64')) });
}

function bodyOf(bytes) {
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
  let left = MAX_BODY_BYTES;
  for (let n = 0; ; n++) {
    const entry = CFB.find(cfb, `/BodyText/Section${n}`);
    if (!entry?.content) break;
    const raw = Buffer.from(entry.content);
    let body;
    try {
      body = flags & 1 ? inflateRawSync(raw, { maxOutputLength: Math.max(1, left), finishFlush: 2 }) : raw;
    } catch (err) {
      if (err?.code === 'ERR_BUFFER_TOO_LARGE') throw new Error(`본문이 풀면 ${MAX_BODY_BYTES / 1024 / 1024} MB를 넘습니다`);
      throw err;
    }
    left -= body.length;
    if (left < 0) throw new Error(`본문이 ${MAX_BODY_BYTES / 1024 / 1024} MB를 넘습니다`);
    out.push(body);
  }
  if (out.length === 0) throw new Error('본문(BodyText/Section0)이 없습니다');
  return out;
}

/** The PrvText stream: UTF-16LE, the first part of the document as 한글 saved it for previews. */
function preview(bytes) {
  const CFB = require('cfb');
  const entry = CFB.find(CFB.read(bytes, { type: 'buffer' }), '/PrvText');
  const text = entry?.content ? Buffer.from(entry.content).toString('utf16le') : '';
  return JSON.stringify({ text });
}

const STAGES = { sections, 'hwp.js': hwpJs, preview };

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
