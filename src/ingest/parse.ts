/** File → normalised document → the best family's records, validated. Never throws for a readable document. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { LoadedDocument } from '../domain/document.js';
import { type ProjectRecord, ProjectRecordSchema } from '../domain/project.js';
import { decodeDocument } from './decode.js';
import type { DocumentFamily, ParseResult, ParseWarning, SourceDocument } from './document.js';
import { IngestError } from './errors.js';
import type { ExtractedText } from './formats/extracted.js';
import { genericFamily } from './families/generic.js';
import { FAMILIES } from './families/index.js';
import { modelOf } from './model/read-model.js';
import { normalizeDocumentText } from './normalize.js';

/** Read as text by the synchronous ingest. */
export const TEXT_EXTENSIONS = ['.txt', '.md'] as const;
/** Read by the asynchronous ingest: text, and the office files src/ingest/formats reads (sniffed by their bytes). */
export const SUPPORTED_EXTENSIONS = [...TEXT_EXTENSIONS, '.pdf', '.hwpx', '.hwp', '.docx'] as const;

export type { LoadedDocument };

export function loadDocument(path: string, bytes: Buffer = readFileSync(path)): LoadedDocument {
  const { text, encoding, damagedLines, warnings } = decodeDocument(bytes, path);
  const normalized = normalizeDocumentText(text);
  const lines = normalized.lines;
  if (lines.every((l) => l.trim() === '')) throw new IngestError(path, '내용이 없는 문서입니다 (only blank lines)');
  const readWarnings = [...warnings, ...normalized.warnings].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return {
    doc: {
      path,
      name: basename(path),
      encoding,
      lines,
      ...(damagedLines.length ? { damagedLines } : {}),
      ...(readWarnings.length ? { readWarnings } : {}),
    },
    hash: createHash('sha256').update(bytes).digest('hex'),
    text: lines.join('\n'),
  };
}

/**
 * A document an office-file reader extracted: its lines are the stored text, read as a text file's lines are, so
 * answers cite lines of it. The hash is the file's bytes', so an unchanged file is not read again.
 */
export function loadExtracted(path: string, bytes: Buffer, extracted: ExtractedText): LoadedDocument {
  // A reader's line never holds a break, but a stray one would shift every line after it.
  const normalized = normalizeDocumentText(extracted.lines.map((l) => l.replace(/[\r\n]+/g, ' ')).join('\n'));
  const lines = normalized.lines;
  if (lines.every((l) => l.trim() === '')) throw new IngestError(path, `내용이 없는 ${extracted.format.toUpperCase()} 문서입니다 (no text)`);
  const readWarnings = [...extracted.warnings.map((message) => ({ line: null, message })), ...normalized.warnings];
  return {
    doc: {
      path,
      name: basename(path),
      encoding: 'utf-8',
      lines,
      ...(readWarnings.length ? { readWarnings } : {}),
    },
    hash: createHash('sha256').update(bytes).digest('hex'),
    text: lines.join('\n'),
    // Normalising keeps line i as line i, so the reader's locators stay beside their lines.
    ...(extracted.locators.length === lines.length ? { locators: extracted.locators } : {}),
  };
}

export function chooseFamily(doc: SourceDocument, families: readonly DocumentFamily[] = FAMILIES): DocumentFamily {
  let best: DocumentFamily = genericFamily;
  let bestScore = 0;
  for (const family of families) {
    let score = 0;
    try {
      score = family.detect(doc);
    } catch {
      score = 0;
    }
    if (score > bestScore) {
      best = family;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Runs the chosen family; a parser that fails or yields invalid records does not lose the document: it falls
 * back to the generic record and the failure becomes a warning naming the file.
 */
export function parseDocument(doc: SourceDocument, families: readonly DocumentFamily[] = FAMILIES): ParseResult {
  const result = parseFamily(doc, families);
  try {
    return { ...result, model: modelOf(doc) };
  } catch (err) {
    return { ...result, warnings: [...result.warnings, { line: null, message: `문서 구조를 읽지 못했습니다: ${(err as Error).message}` }] };
  }
}

/** The families' own output, without the document model (the golden files freeze it). */
export function parseFamily(doc: SourceDocument, families: readonly DocumentFamily[] = FAMILIES): ParseResult {
  const family = chooseFamily(doc, families);
  const extra: ParseWarning[] = [];
  if (doc.encoding === 'cp949') extra.push({ line: null, message: 'EUC-KR(CP949) 인코딩을 UTF-8로 변환해 읽었습니다' });
  for (const line of doc.damagedLines ?? [])
    extra.push({ line, message: 'UTF-8이 아닌 바이트가 있어 �로 바꿔 읽었습니다 (invalid UTF-8 replaced)' });
  extra.push(...(doc.readWarnings ?? []));
  try {
    const result = family.parse(doc);
    const { valid, problems } = validateRecords(result.records);
    if (valid.length > 0 || family === genericFamily) {
      return { ...result, records: valid, warnings: [...extra, ...result.warnings, ...problems] };
    }
    extra.push(...problems);
  } catch (err) {
    extra.push({ line: null, message: `${family.name} 형식으로 읽지 못했습니다: ${(err as Error).message}` });
  }
  const fallback = genericFamily.parse(doc);
  return { ...fallback, warnings: [...extra, ...fallback.warnings] };
}

function validateRecords(records: ProjectRecord[]): { valid: ProjectRecord[]; problems: ParseWarning[] } {
  const valid: ProjectRecord[] = [];
  const problems: ParseWarning[] = [];
  const seen = new Set<string>();
  for (const record of records) {
    const parsed = ProjectRecordSchema.safeParse(record);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      problems.push({
        line: record?.src?.lines?.[0] ?? null,
        message: `레코드 "${record?.title ?? '?'}"를 버렸습니다: ${issue?.path.join('.')} ${issue?.message}`,
      });
      continue;
    }
    // Keys must be unique within a document; a repeated title gets its line number.
    let key = parsed.data.key;
    if (seen.has(key)) key = `${key}#${parsed.data.src.lines[0]}`;
    seen.add(key);
    valid.push({ ...parsed.data, key });
  }
  return { valid, problems };
}
