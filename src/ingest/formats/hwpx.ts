/**
 * HWPX (한글 OWPML): a zip of XML parts. The sections are read in the order Contents/content.hpf lists them; each
 * paragraph becomes a line, each table row a line of tab-separated cells (as the table readers take them).
 */
import { strFromU8, unzipSync, type Unzipped } from 'fflate';
import { IngestError } from '../errors.js';
import type { ExtractedText } from './extracted.js';
import { type Block, blocksToText, type TableCell } from './layout.js';
import { childrenOf, type XmlNode, attrsOf, parseXml, tagOf, textOf } from './xml.js';

const MIMETYPE = 'application/hwp+zip';

export function readHwpx(bytes: Buffer, file: string): Promise<ExtractedText> {
  return Promise.resolve().then(() => readHwpxSync(bytes, file));
}

export function readHwpxSync(bytes: Buffer, file: string): ExtractedText {
  const zip = unzip(bytes, file);
  const mimetype = zip['mimetype'] ? strFromU8(zip['mimetype']).trim() : null;
  if (mimetype !== MIMETYPE)
    throw new IngestError(
      file,
      mimetype === null
        ? 'HWPX 파일이 아닙니다: zip에 mimetype 항목이 없습니다 (not an HWPX zip)'
        : `HWPX 파일이 아닙니다: mimetype이 ${mimetype.slice(0, 60)}입니다 (not an HWPX zip)`,
    );
  const pkg = readPackage(zip, file);
  const blocks: Block[] = [];
  for (const href of pkg.sections) {
    const part = zip[href];
    if (!part) throw new IngestError(file, `HWPX의 본문 ${href}이(가) 없습니다: 파일이 손상되었습니다 (missing section)`);
    let root: XmlNode[];
    try {
      root = parseXml(strFromU8(part));
    } catch (err) {
      throw new IngestError(file, `HWPX의 본문 ${href}을(를) 읽지 못했습니다: ${(err as Error).message}`);
    }
    for (const sec of root) if (tagOf(sec) === 'hs:sec') readParagraphs(childrenOf(sec), blocks);
  }
  const text = blocksToText(blocks);
  return { format: 'hwpx', ...text, ...pkg.properties, warnings: [] };
}

function unzip(bytes: Buffer, file: string): Unzipped {
  try {
    // Only the parts read: pictures (BinData/) and styles (header.xml) are most of a file and never read.
    return unzipSync(bytes, { filter: (f) => f.name === 'mimetype' || /^Contents\/(?!header\.xml$)[^/]+\.(?:xml|hpf)$/.test(f.name) });
  } catch (err) {
    throw new IngestError(file, `zip을 풀지 못했습니다: 파일이 잘렸거나 손상되었습니다 (${(err as Error).message})`);
  }
}

interface HwpxPackage {
  sections: string[];
  properties: { title?: string; date?: string };
}

/** The sections in spine order, and the title and date the package's metadata gives. */
function readPackage(zip: Unzipped, file: string): HwpxPackage {
  const hpf = zip['Contents/content.hpf'];
  if (!hpf) {
    // Without the package list, the section files in number order are the document.
    const sections = Object.keys(zip)
      .filter((n) => /^Contents\/section\d+\.xml$/.test(n))
      .sort((a, b) => sectionNumber(a) - sectionNumber(b));
    if (sections.length === 0) throw new IngestError(file, 'HWPX에 본문(Contents/section*.xml)이 없습니다 (missing section)');
    return { sections, properties: {} };
  }
  const root = parseXml(strFromU8(hpf));
  const pkg = root.find((n) => tagOf(n) === 'opf:package');
  const parts = pkg ? childrenOf(pkg) : [];
  const manifest = new Map<string, string>();
  for (const item of childrenNamed(parts, 'opf:manifest')) {
    const a = attrsOf(item);
    if (a['id'] && a['href']) manifest.set(a['id'], a['href']);
  }
  const sections: string[] = [];
  for (const ref of childrenNamed(parts, 'opf:spine')) {
    const href = manifest.get(attrsOf(ref)['idref'] ?? '');
    if (href && /section\d+\.xml$/.test(href)) sections.push(href);
  }
  if (sections.length === 0) throw new IngestError(file, 'HWPX에 본문 섹션이 목록(content.hpf)에 없습니다 (missing section)');
  return { sections, properties: metadata(childrenNamed(parts, 'opf:metadata')) };
}

function sectionNumber(name: string): number {
  return Number(/(\d+)\.xml$/.exec(name)?.[1] ?? 0);
}

function childrenNamed(parts: XmlNode[], parent: string): XmlNode[] {
  return parts.filter((n) => tagOf(n) === parent).flatMap(childrenOf);
}

function metadata(entries: XmlNode[]): { title?: string; date?: string } {
  const out: { title?: string; date?: string } = {};
  for (const e of entries) {
    const value = textOf(e).trim();
    if (!value) continue;
    if (tagOf(e) === 'opf:title') out.title = value;
    const name = attrsOf(e)['name'];
    if (name === 'date' || (name === 'ModifiedDate' && !out.date)) {
      const date = isoDate(value);
      if (date) out.date = date;
    }
  }
  return out;
}

/** "2025년 1월 23일 목요일 오전 10:58:36" or "2025-01-23T17:33:28Z" → "2025-01-23". */
function isoDate(value: string): string | null {
  const m = /(\d{4})\s*(?:년|-|\.)\s*(\d{1,2})\s*(?:월|-|\.)\s*(\d{1,2})/.exec(value);
  if (!m) return null;
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
}

/** Paragraphs (hp:p) in order; a table anchored in a paragraph's run comes where it stands in the run. */
function readParagraphs(nodes: XmlNode[], out: Block[]): void {
  for (const node of nodes) {
    if (tagOf(node) !== 'hp:p') continue;
    let text = '';
    const flush = () => {
      if (text.trim() !== '') out.push({ kind: 'paragraph', text });
      text = '';
    };
    for (const run of childrenOf(node)) {
      if (tagOf(run) !== 'hp:run') continue;
      for (const item of childrenOf(run)) {
        const tag = tagOf(item);
        if (tag === 'hp:t') text += runText(item);
        else if (tag === 'hp:tbl') {
          flush();
          out.push(readTable(item));
        } else if (tag === 'hp:ctrl' || tag === 'hp:rect' || tag === 'hp:container' || tag === 'hp:polygon') {
          // Headers, footers and text boxes hold paragraphs of their own.
          const inner: Block[] = [];
          collectSubLists(item, inner);
          if (inner.length) {
            flush();
            out.push(...inner);
          }
        }
      }
    }
    flush();
  }
}

/** Paragraphs under any hp:subList (a header's, a footer's, a text box's), skipping page numbers and notes on shapes. */
function collectSubLists(node: XmlNode, out: Block[]): void {
  for (const child of childrenOf(node)) {
    const tag = tagOf(child);
    if (tag === 'hp:subList') readParagraphs(childrenOf(child), out);
    else if (tag !== 'hp:shapeComment' && tag !== 'hp:pageNum' && tag !== '#text') collectSubLists(child, out);
  }
}

/** A text run's characters with its inline elements as the white space they stand for. */
function runText(t: XmlNode): string {
  let s = '';
  for (const part of childrenOf(t)) {
    const tag = tagOf(part);
    if (tag === '#text') s += String((part as Record<string, unknown>)['#text'] ?? '');
    else if (tag === 'hp:fwSpace' || tag === 'hp:nbSpace') s += ' ';
    else if (tag === 'hp:tab') s += '\t';
    else if (tag === 'hp:lineBreak') s += '\n';
    // Marks (hp:markpenBegin, hp:titleMark…) carry no text of their own; their children may.
    else s += runText(part);
  }
  return s;
}

function readTable(tbl: XmlNode): Block {
  const cells: TableCell[] = [];
  for (const tr of childrenOf(tbl)) {
    if (tagOf(tr) !== 'hp:tr') continue;
    for (const tc of childrenOf(tr)) {
      if (tagOf(tc) !== 'hp:tc') continue;
      let row = 0;
      let col = 0;
      let rowSpan = 1;
      let colSpan = 1;
      const content: Block[] = [];
      for (const part of childrenOf(tc)) {
        const tag = tagOf(part);
        const a = attrsOf(part);
        if (tag === 'hp:cellAddr') {
          row = Number(a['rowAddr'] ?? 0);
          col = Number(a['colAddr'] ?? 0);
        } else if (tag === 'hp:cellSpan') {
          rowSpan = Math.max(1, Number(a['rowSpan'] ?? 1));
          colSpan = Math.max(1, Number(a['colSpan'] ?? 1));
        } else if (tag === 'hp:subList') readParagraphs(childrenOf(part), content);
      }
      cells.push({ row, col, rowSpan, colSpan, content });
    }
  }
  return { kind: 'table', cells };
}
