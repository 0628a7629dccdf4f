/** Ingest files and folders into the store: one transaction per document, a report per document, no early exit. */
import { createHash } from 'node:crypto';
import {
  closeSync,
  constants,
  type Dirent,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  type Stats,
  statSync,
} from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { DEFAULT_MAX_DOCUMENT_MB, type LoadedDocument } from '../domain/document.js';
import type { ProjectStore, SaveOutcome } from '../store/store.js';
import { IngestError } from './errors.js';
import type { ParseResult } from './document.js';
import type { ExtractedText } from './formats/extracted.js';
import { readOriginal } from './formats/index.js';
import { loadDocument, loadExtracted, parseDocument, SUPPORTED_EXTENSIONS, TEXT_EXTENSIONS } from './parse.js';

export interface DocumentReport {
  file: string;
  outcome: SaveOutcome | 'failed';
  family: string | null;
  records: number;
  facts: number;
  warnings: Array<{ line: number | null; message: string }>;
  error: string | null;
}

export interface IngestSummary {
  reports: DocumentReport[];
  /** Problems with the arguments themselves: a path that does not exist, a folder with no documents. */
  pathErrors: string[];
  failed: number;
  millis: number;
}

/**
 * The documents under the given paths. Every entry that cannot be read is named in `errors` and the walk goes
 * on: an unreadable folder, a special file (FIFO, socket, device: reading one could block forever), a broken
 * link. Symbolic links are followed, each real folder and file is taken once, and a link back into a folder
 * being walked is refused as a loop.
 */
export function collectFiles(
  paths: string[],
  extensions: readonly string[] = TEXT_EXTENSIONS,
): { files: string[]; errors: string[] } {
  const walk = new FolderWalk(extensions);
  for (const p of paths) {
    let st: Stats;
    try {
      st = statSync(p);
    } catch (err) {
      walk.errors.push(
        (err as NodeJS.ErrnoException).code === 'ENOENT' && !isLink(p)
          ? `${p}: 경로가 없습니다 (no such file or directory)`
          : entryError(p, err),
      );
      continue;
    }
    if (st.isDirectory()) {
      const before = walk.files.length;
      // A folder inside one given before it ("corpus corpus/busan-plans") was read with it: not an empty folder.
      const again = walk.walked(p);
      const ok = walk.folder(p, []);
      if (ok && !again && walk.files.length === before)
        walk.errors.push(`${p}: 문서(${extensions.join(', ')})가 없는 폴더입니다 (no documents in folder)`);
    } else walk.entry(p, st);
  }
  return { files: walk.files, errors: walk.errors };
}

class FolderWalk {
  readonly files: string[] = [];
  readonly errors: string[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly extensions: readonly string[]) {}

  /** True when this folder (by its real path) was already walked. */
  walked(dir: string): boolean {
    try {
      return this.seen.has(realpathSync(dir));
    } catch {
      return false;
    }
  }

  /** Walks a folder; `ancestors` are the real paths of the folders above it. False when it cannot be read. */
  folder(dir: string, ancestors: string[]): boolean {
    let real: string;
    let entries: Dirent[];
    try {
      real = realpathSync(dir);
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      this.errors.push(entryError(dir, err));
      return false;
    }
    if (ancestors.includes(real)) {
      this.errors.push(`${dir}: 상위 폴더를 다시 가리키는 링크입니다 (symlink loop to ${real})`);
      return true;
    }
    if (this.seen.has(real)) return true;
    this.seen.add(real);
    entries.sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const full = join(dir, e.name);
      if (e.isDirectory()) this.folder(full, [...ancestors, real]);
      else if (e.isSymbolicLink()) {
        let st: Stats;
        try {
          st = statSync(full);
        } catch (err) {
          this.errors.push(entryError(full, err));
          continue;
        }
        if (st.isDirectory()) this.folder(full, [...ancestors, real]);
        else this.entry(full, st);
      } else if (e.isFile()) this.add(full);
      else this.errors.push(specialFile(full, e));
    }
    return true;
  }

  /** A path that is not a folder: a document, or a refusal naming it. */
  entry(path: string, st: Stats): void {
    if (st.isFile()) this.add(path);
    else this.errors.push(specialFile(path, st));
  }

  private add(path: string): void {
    if (!this.extensions.includes(extname(path).toLowerCase())) {
      this.errors.push(unsupported(path, this.extensions));
      return;
    }
    let real = path;
    try {
      real = realpathSync(path);
    } catch {
      // Reading it will report the problem by name.
    }
    // One file reached through two links is one document, not two.
    if (this.seen.has(real)) return;
    this.seen.add(real);
    this.files.push(path);
  }
}

function isLink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

function specialFile(path: string, kind: Stats | Dirent): string {
  return `${path}: ${specialReason(kind)}`;
}

function specialReason(kind: Stats | Dirent): string {
  const what = kind.isFIFO()
    ? 'FIFO'
    : kind.isSocket()
      ? 'socket'
      : kind.isBlockDevice() || kind.isCharacterDevice()
        ? 'device'
        : 'special file';
  return `일반 파일이 아니라서 읽지 않습니다 (${what})`;
}

/** An entry's filesystem error in words staff can act on, naming the entry. */
function entryError(path: string, err: unknown): string {
  return `${path}: ${entryReason(err)}`;
}

function entryReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return '읽을 권한이 없습니다 (permission denied)';
    case 'ELOOP':
      return '링크가 자기 자신을 가리킵니다 (symlink loop)';
    case 'ENOENT':
      return '파일이 없습니다 (no such file, or a broken symlink)';
    default:
      return `읽지 못했습니다 (${code ?? (err as Error).message})`;
  }
}

function unsupported(p: string, extensions: readonly string[]): string {
  return `${p}: 지원하지 않는 형식입니다 (${extname(p) || '확장자 없음'}); 지금은 ${extensions.join(', ')}만 읽습니다`;
}

/**
 * Reads a regular file only: opened without blocking, so a FIFO renamed .txt is refused instead of waited on.
 * A file over `maxMb` is refused by its size before a byte is read, so one huge file cannot exhaust memory.
 */
export function readRegularFile(path: string, maxMb = DEFAULT_MAX_DOCUMENT_MB): Buffer {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    throw new IngestError(path, entryReason(err));
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new IngestError(path, specialReason(st));
    if (st.size > maxMb * MB) throw new IngestError(path, tooLarge(st.size, maxMb));
    const bytes = readFileSync(fd);
    // A file still being written may have grown since it was measured.
    if (bytes.length > maxMb * MB) throw new IngestError(path, tooLarge(bytes.length, maxMb));
    return bytes;
  } finally {
    closeSync(fd);
  }
}

const MB = 1024 * 1024;

function tooLarge(size: number, maxMb: number): string {
  // Rounded up, so a file just over the limit never reads as the limit itself.
  const mb = Math.ceil((size / MB) * 10) / 10;
  return `문서가 너무 커서 읽지 않습니다: ${mb} MB, 한도 ${maxMb} MB — 더 큰 문서는 DAMDANG_MAX_DOCUMENT_MB를 늘려 읽습니다 (file too large)`;
}

export interface IngestOptions {
  /**
   * The organisation the documents belong to, when staff know it better than the text does: a Seoul promise
   * sheet that names only the district where a project happens is still the city's.
   */
  organization?: string | null;
  /** Documents larger than this many MB are refused (DAMDANG_MAX_DOCUMENT_MB); default DEFAULT_MAX_DOCUMENT_MB. */
  maxDocumentMb?: number;
  /**
   * Office files read ahead (readOriginals), by path, for a synchronous ingest that must take them (the seeding
   * transaction of a starting bot); with it, ingestPaths walks every supported extension.
   */
  extracted?: ReadonlyMap<string, ExtractedText | IngestError>;
}

/** Ingests one text file (or one read ahead in options.extracted); every failure becomes a report naming the file, and the store is left as it was. */
export function ingestFile(store: ProjectStore, file: string, options: IngestOptions = {}): DocumentReport {
  try {
    const bytes = readRegularFile(file, options.maxDocumentMb);
    const same = unchangedReport(store, file, bytes);
    if (same) return same;
    const read = options.extracted?.get(file);
    if (read instanceof IngestError) throw read;
    return storeLoaded(store, file, read ? loadExtracted(file, bytes, read) : loadDocument(file, bytes), options);
  } catch (err) {
    return failedReport(file, err);
  }
}

/**
 * Ingests one file of any supported format: an office file is read (asynchronously: its reader may run in a
 * worker) before the one synchronous store transaction; a refused file leaves the store as it was.
 */
export async function ingestFileAsync(
  store: ProjectStore,
  file: string,
  options: IngestOptions = {},
): Promise<DocumentReport> {
  try {
    const bytes = readRegularFile(file, options.maxDocumentMb);
    const same = unchangedReport(store, file, bytes);
    if (same) return same;
    const extracted = await readOriginal(bytes, file);
    const loaded = extracted ? loadExtracted(file, bytes, extracted) : loadDocument(file, bytes);
    return storeLoaded(store, file, loaded, options);
  } catch (err) {
    return failedReport(file, err);
  }
}

function emptyReport(file: string): DocumentReport {
  return { file, outcome: 'failed', family: null, records: 0, facts: 0, warnings: [], error: null };
}

function failedReport(file: string, err: unknown): DocumentReport {
  const message = err instanceof IngestError ? err.message : `${file}: ${(err as Error).message}`;
  return { ...emptyReport(file), error: message };
}

/** An unchanged file (say, the other of two ingests stored it a moment ago) is not read or parsed again. */
function unchangedReport(store: ProjectStore, file: string, bytes: Buffer): DocumentReport | null {
  const known = store.currentVersion(resolve(file));
  if (!known || known.hash !== createHash('sha256').update(bytes).digest('hex')) return null;
  return {
    ...emptyReport(file),
    outcome: 'unchanged',
    family: known.family,
    records: known.records.length,
    facts: known.records.reduce((n, r) => n + countFacts(r), 0),
    warnings: known.warnings,
  };
}

function storeLoaded(store: ProjectStore, file: string, loaded: LoadedDocument, options: IngestOptions): DocumentReport {
  const parsed = parseDocument(loaded.doc);
  const result = options.organization ? withOrganization(parsed, options.organization) : parsed;
  const outcome = store.saveDocument(loaded, result, resolve(file));
  return {
    ...emptyReport(file),
    outcome,
    family: result.family,
    records: result.records.length,
    facts: result.records.reduce((n, r) => n + countFacts(r), 0),
    warnings: result.warnings,
  };
}

/** Sets the organisation of a parsed document and re-keys its records, so keys stay organisation-scoped. */
export function withOrganization(result: ParseResult, organization: string): ParseResult {
  const rekey = (key: string, detected: string | null) =>
    detected && key.startsWith(`${detected}/`) ? `${organization}${key.slice(detected.length)}` : `${organization}/${key}`;
  return {
    ...result,
    organization,
    records: result.records.map((r) => ({ ...r, organization, key: rekey(r.key, r.organization) })),
  };
}

export function ingestPaths(
  store: ProjectStore,
  paths: string[],
  onProgress: (done: number, total: number, report: DocumentReport) => void = () => {},
  options: IngestOptions = {},
): IngestSummary {
  const started = performance.now();
  const { files, errors } = collectFiles(paths, options.extracted ? SUPPORTED_EXTENSIONS : TEXT_EXTENSIONS);
  const reports: DocumentReport[] = [];
  files.forEach((file, i) => {
    const report = ingestFile(store, file, options);
    reports.push(report);
    onProgress(i + 1, files.length, report);
  });
  return summary(reports, errors, started);
}

function summary(reports: DocumentReport[], pathErrors: string[], started: number): IngestSummary {
  return {
    reports,
    pathErrors,
    failed: reports.filter((r) => r.outcome === 'failed').length + pathErrors.length,
    millis: performance.now() - started,
  };
}

/**
 * ingestPaths for every supported format (SUPPORTED_EXTENSIONS): the office files under the paths are read by
 * their bytes, one at a time, each stored in its own transaction as it is read.
 */
export async function ingestPathsAsync(
  store: ProjectStore,
  paths: string[],
  onProgress: (done: number, total: number, report: DocumentReport) => void = () => {},
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const started = performance.now();
  const { files, errors } = collectFiles(paths, SUPPORTED_EXTENSIONS);
  const reports: DocumentReport[] = [];
  for (const [i, file] of files.entries()) {
    const report = await ingestFileAsync(store, file, options);
    reports.push(report);
    onProgress(i + 1, files.length, report);
  }
  return summary(reports, errors, started);
}

/**
 * The office files under the paths read ahead, for a synchronous ingest (IngestOptions.extracted): each its
 * extracted text, or the refusal naming it. Text files are left to the ingest.
 */
export async function readOriginals(
  paths: string[],
  maxDocumentMb?: number,
): Promise<Map<string, ExtractedText | IngestError>> {
  const out = new Map<string, ExtractedText | IngestError>();
  const { files } = collectFiles(paths, SUPPORTED_EXTENSIONS);
  for (const file of files) {
    if ((TEXT_EXTENSIONS as readonly string[]).includes(extname(file).toLowerCase())) continue;
    try {
      const read = await readOriginal(readRegularFile(file, maxDocumentMb), file);
      if (read) out.set(file, read);
    } catch (err) {
      out.set(file, err instanceof IngestError ? err : new IngestError(file, (err as Error).message));
    }
  }
  return out;
}

function countFacts(r: import('../domain/project.js').ProjectRecord): number {
  return (
    (r.status ? 1 : 0) +
    (r.budget ? r.budget.lines.length + r.budget.rates.length + (r.budget.noBudget ? 1 : 0) : 0) +
    r.indicators.length +
    r.milestones.length +
    r.contacts.length +
    r.issues.length +
    r.changes.length +
    r.orgTeams.length +
    r.staffing.length
  );
}
