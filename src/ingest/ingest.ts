/** Ingest files and folders into the store: one transaction per document, a report per document, no early exit. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import type { ProjectStore, SaveOutcome } from '../store/store.js';
import { IngestError } from './errors.js';
import type { ParseResult } from './document.js';
import { loadDocument, parseDocument, SUPPORTED_EXTENSIONS } from './parse.js';

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

export function collectFiles(paths: string[]): { files: string[]; errors: string[] } {
  const files: string[] = [];
  const errors: string[] = [];
  for (const p of paths) {
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(p);
    } catch {
      errors.push(`${p}: 경로가 없습니다 (no such file or directory)`);
      continue;
    }
    if (st.isDirectory()) {
      const found = walk(p, errors);
      if (found.length === 0) errors.push(`${p}: 문서(.txt, .md)가 없는 폴더입니다 (no documents in folder)`);
      files.push(...found);
    } else if (SUPPORTED_EXTENSIONS.includes(extname(p).toLowerCase() as '.txt')) {
      files.push(p);
    } else {
      errors.push(unsupported(p));
    }
  }
  return { files, errors };
}

function unsupported(p: string): string {
  return `${p}: 지원하지 않는 형식입니다 (${extname(p) || '확장자 없음'}); 지금은 ${SUPPORTED_EXTENSIONS.join(', ')}만 읽습니다`;
}

function walk(dir: string, errors: string[]): string[] {
  const out: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name, 'en', { numeric: true }),
  );
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(full, errors));
    else if (SUPPORTED_EXTENSIONS.includes(extname(e.name).toLowerCase() as '.txt')) out.push(full);
    else errors.push(unsupported(full));
  }
  return out;
}

/** Ingests one file; every failure becomes a report naming the file, and the store is left as it was. */
export interface IngestOptions {
  /**
   * The organisation the documents belong to, when staff know it better than the text does: a Seoul promise
   * sheet that names only the district where a project happens is still the city's.
   */
  organization?: string | null;
}

export function ingestFile(store: ProjectStore, file: string, options: IngestOptions = {}): DocumentReport {
  const base: DocumentReport = {
    file,
    outcome: 'failed',
    family: null,
    records: 0,
    facts: 0,
    warnings: [],
    error: null,
  };
  try {
    const loaded = loadDocument(file, readFileSync(file));
    const parsed = parseDocument(loaded.doc);
    const result = options.organization ? withOrganization(parsed, options.organization) : parsed;
    const outcome = store.saveDocument(loaded, result, resolve(file));
    return {
      ...base,
      outcome,
      family: result.family,
      records: result.records.length,
      facts: result.records.reduce((n, r) => n + countFacts(r), 0),
      warnings: result.warnings,
    };
  } catch (err) {
    const message = err instanceof IngestError ? err.message : `${file}: ${(err as Error).message}`;
    return { ...base, error: message };
  }
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
  const { files, errors } = collectFiles(paths);
  const reports: DocumentReport[] = [];
  files.forEach((file, i) => {
    const report = ingestFile(store, file, options);
    reports.push(report);
    onProgress(i + 1, files.length, report);
  });
  return {
    reports,
    pathErrors: errors,
    failed: reports.filter((r) => r.outcome === 'failed').length + errors.length,
    millis: performance.now() - started,
  };
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
