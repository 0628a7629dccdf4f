/**
 * "Anything else the documents say": the blocks of a document that best match the question, quoted with their
 * line numbers, for facts that no stored field holds ("원가분석자문위원회 언제 구성했어?"). Every reply that quotes
 * lines instead of stating a figure is built here.
 */
import type { DocBlock } from '../domain/doc-model.js';
import { formatLines, formatSpans, type Source, src } from '../domain/provenance.js';
import { tokenizeQuery } from '../search/korean-tokenizer.js';
import type { StoredRecord } from '../store/store.js';
import { recordBlocks } from './blocks.js';
import type { Knowledge } from './knowledge.js';
import { type Block, list, type Reply, reply, type ReplyKind } from './reply.js';

/** A quoted block (or line): its first line, its last when it spans several, its text as the model read it. */
export interface QuotedLine {
  line: number;
  to?: number;
  text: string;
  score: number;
}

/** The quote of a block: its text, located by the lines it was read from. */
export function quoteOf(b: DocBlock, score = 0): QuotedLine {
  return b.lines[1] > b.lines[0] ? { line: b.lines[0], to: b.lines[1], text: b.text, score } : { line: b.lines[0], text: b.text, score };
}

const at = (l: QuotedLine): Source => src(null, l.line, l.to);

export function bestLines(knowledge: Knowledge, r: StoredRecord, query: string, max = 3): QuotedLine[] {
  const terms = [...new Set(tokenizeQuery(query))].filter((t) => t.length >= 2);
  if (terms.length === 0) return [];
  const scored: QuotedLine[] = [];
  for (const b of recordBlocks(knowledge, r)) {
    if (b.text.trim().length < 4) continue;
    const compactLine = b.text.replace(/\s+/g, '');
    const hits = terms.filter((term) => compactLine.includes(term)).length;
    if (hits === 0) continue;
    scored.push(quoteOf(b, hits / terms.length));
  }
  scored.sort((a, b) => b.score - a.score || a.line - b.line);
  const top = scored[0]?.score ?? 0;
  return scored.filter((s) => s.score >= Math.max(0.5, top * 0.8)).slice(0, max);
}

/** Long table cells are cut around the first matching term so the quote stays short. */
export function clip(textLine: string, query: string, width = 160): string {
  if (textLine.length <= width) return textLine;
  const term = tokenizeQuery(query).find((t) => t.length >= 2 && textLine.includes(t));
  let at = term ? Math.max(0, textLine.indexOf(term) - 40) : 0;
  let end = Math.min(textLine.length, at + width);
  // Never through a figure: "☎4299" cut to "☎4" would quote a number the document does not write.
  while (at > 0 && /[\d.,]/.test(textLine[at - 1]!) && /\d/.test(textLine[at]!)) at--;
  while (end < textLine.length && /\d/.test(textLine[end - 1]!) && /[\d.,]/.test(textLine[end]!)) end++;
  return `${at > 0 ? '…' : ''}${textLine.slice(at, end)}${end < textLine.length ? '…' : ''}`;
}

/** "12행: …" — a quoted line with where it stands, clipped around the question's first term. */
export function quotedItem(at: Source, textLine: string, query: string): string {
  return `${formatLines(at)}: ${clip(textLine, query)}`;
}

/** The list of quoted lines, each with its line number. */
export function quotedBlock(lines: QuotedLine[], query: string, caption: string | null = null): Block {
  return list(
    lines.map((l) => quotedItem(at(l), l.text, query)),
    caption,
  );
}

/** "문서.txt · 12행, 15행" (an office file's "문서.pdf · 3쪽 12행, 15행"): the footnote of a reply quoting these lines. */
export function quotedSource(r: StoredRecord, lines: QuotedLine[]): string {
  return `${r.document.name} · ${formatSpans(lines.map((l) => at(l).lines), r.document.locators)}`;
}

export interface QuotedReplyOptions {
  kind?: ReplyKind;
  /** Default: "<title> — 문서에서 찾은 내용". */
  title?: string;
  caption?: string | null;
  suggestions?: string[];
}

/** The trace mark of a reply that quotes lines without stating a value: a value found elsewhere beats it. */
export const QUOTED_LINES = 'quoted lines';

/** A reply quoting a document's own lines (the figure is the reader's to take from them), citing those lines. */
export function quotedReply(r: StoredRecord, lines: QuotedLine[], query: string, options: QuotedReplyOptions = {}): Reply {
  const { kind = 'answer', title = `${r.record.title} — 문서에서 찾은 내용`, caption = null, suggestions } = options;
  return reply(kind, title, [quotedBlock(lines, query, caption)], {
    sources: [quotedSource(r, lines)],
    trace: [QUOTED_LINES],
    ...(suggestions ? { suggestions } : {}),
  });
}

/** "원문: …": a line quoted as written, where the reader could not pin a figure to a column. */
export function asWritten(line: string): string {
  return `원문: ${line}`;
}
