/**
 * Where the documents an evaluation reads live. /work/shared is read in place: CI has it at ../shared beside the
 * repo, a worktree under /work/wt at ../../shared; callers skip with a message when neither exists.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SAMPLES_DIR = join(REPO_ROOT, 'data', 'samples');
export const FIXTURE_CORPUS_DIR = join(REPO_ROOT, 'test', 'fixtures', 'corpus');

/** The shared corpus folder (../shared/corpus relative to the repo root), or null when this machine has none. */
export function sharedCorpusDir(): string | null {
  for (const up of [['..'], ['..', '..']]) {
    const dir = join(REPO_ROOT, ...up, 'shared', 'corpus');
    if (existsSync(join(dir, 'README.md'))) return dir;
  }
  return null;
}

/** The original office files (../shared/originals, beside the corpus), or null when this machine has none. */
export function sharedOriginalsDir(): string | null {
  const corpus = sharedCorpusDir();
  const dir = corpus && join(dirname(corpus), 'originals');
  return dir && existsSync(dir) ? dir : null;
}

/** Every original whose name ends with `ext` (".pdf", ".hwpx"), in every folder, sorted; empty when there are none. */
export function originalFiles(ext: string): string[] {
  const dir = sharedOriginalsDir();
  if (!dir) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => join(dir, f));
}

/** The folders of the shared corpus that the fixtures do not already copy (its top-level files are in test/fixtures/corpus). */
export const SHARED_FOLDERS = ['busan-plans', 'seoul-approvals', 'busan-press', 'budget-briefs', 'notices', 'hwp'] as const;

/**
 * Every folder an evaluation ingests: the samples, the fixture corpus and, when present, the shared folders.
 * `missing` names what was skipped so the caller can say so.
 */
export function evaluationPaths(): { paths: string[]; shared: string | null; missing: string | null } {
  const shared = sharedCorpusDir();
  const paths = [SAMPLES_DIR, FIXTURE_CORPUS_DIR];
  if (!shared)
    return {
      paths,
      shared,
      missing: `../shared/corpus not found beside ${REPO_ROOT}: queries over busan-plans/ and seoul-approvals/ are skipped`,
    };
  return { paths: [...paths, ...SHARED_FOLDERS.map((f) => join(shared, f))], shared, missing: null };
}

/**
 * The scale folders of unseen documents (../shared/scale: 243 promise sheets, 4,022 budget programme records), for
 * the set labelled by readers before damdang ran on them (test/fixtures/eval-unseen.json), or null when absent.
 */
export function sharedScaleDirs(): string[] | null {
  const corpus = sharedCorpusDir();
  if (!corpus) return null;
  const dirs = ['seoul-promises-2016', 'seoul-openfinance-2018'].map((f) => join(dirname(corpus), 'scale', f));
  return dirs.every((d) => existsSync(d)) ? dirs : null;
}
