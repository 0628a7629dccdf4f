/**
 * Ingest time grows in proportion to a line's length. A backtracking regex turned a 100 KB line of digits into
 * 95 s of ingest, and a 1 MB line into one that never finished; these tests put long lines of many kinds into real
 * documents of every family and check that four times the line takes about four times as long (see linear-time.ts).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FAMILIES } from '../../src/ingest/families/index.js';
import { loadDocument, parseDocument } from '../../src/ingest/parse.js';
import { repeatTo, superLinear } from '../linear-time.js';

/** What long lines are made of: runs that made patterns backtrack, and the pieces of real lines they resemble. */
export const KINDS: Record<string, string> = {
  digits: '1234567890',
  'one digit': '1',
  spaces: ' ',
  tabs: '\t',
  'tab space': '\t ',
  '"1. "': '1. ',
  '"1."': '1.',
  '"<p"': '<p',
  '"& "': '& ',
  'OWPML tag and spaces': '<hp:fwSpace/>   ',
  '"□ "': '□ ',
  ㅇ: 'ㅇ',
  '"("': '(',
  '"(1)"': '(1)',
  'Korean syllables': '가나다라',
  'one syllable': '가',
  'spaced syllables': '가 ',
  'syllable and tab': '가\t',
  'a unit word in a run': '팀가',
  '"1,"': '1,',
  '"."': '.',
  '". "': '. ',
  '"…"': '…',
  '"· "': '· ',
  '"-"': '-',
  '"-- "': '-- ',
  '"*"': '*',
  '"*가"': '*가',
  '"#"': '#',
  '": "': ': ',
  '"_"': '_',
  '"~"': '~',
  '"▹"': '▹',
  '"【"': '【',
  '"가("': '가(',
  '"가,"': '가,',
  '"A가"': 'A가',
  '"가1 "': '가1 ',
  '"1 "': '1 ',
  '"| --- "': '| --- ',
  '"’"': '’',
  'years': '2021년 ',
  'months': '3월 ',
  'dotted dates': '’25. 6. ',
  'month ranges': '1~2월 ',
  'amounts': '1,000원 ',
  'counts': '명 ',
  'rates': '50%',
  'positions': '과장 ',
  'staff': '담당 ',
  'contacts': '홍길동 ☎1234 ',
  'staffing': '정원 ',
  'a department ending': '관',
  'a unit ending': '과',
};

/** One real document of each family: the long line goes where its parser reads. */
const CONTEXTS = [
  'data/samples/suwon-policy-sheet-cooperative-governance.txt',
  'test/fixtures/corpus/seoul-promise-2016-prom87.txt',
  'test/fixtures/corpus/boryeong-promises-2021-12-31.txt',
  'data/samples/yeongdeungpo-audit-annual-report.txt',
  'data/samples/incheon-innovation-2019-work-plan.txt',
  'test/fixtures/corpus/busan-2025-plan-spokesperson.txt',
  'test/fixtures/corpus/seoul-openfinance-2018-1137.txt',
  'test/fixtures/corpus/busan-approval-2025-sinkhole-rnd.txt',
  'test/fixtures/unknown/seoul-press-release-water-taxi.txt',
].map((path) => ({ path, lines: readFileSync(path, 'utf8').split('\n') }));

type Context = (typeof CONTEXTS)[number];

/**
 * The document with `run` inside each of the given lines (a heading, a contact line, a table row …), followed by
 * the line's text again (a pattern backtracks when what follows a run rejects it), and as a line of its own.
 */
function withRun(ctx: Context, run: string, at: readonly number[]): string {
  const lines = [...ctx.lines];
  for (const a of at) {
    const i = a % lines.length;
    lines[i] = `${lines[i]} ${run} ${lines[i]}`;
  }
  lines.splice(at[0]! % lines.length, 0, run);
  return lines.join('\n');
}

/** Ingest without the store: decode and normalise, then every family's detection and parser, then the chosen one. */
function ingestText(text: string): void {
  const { doc } = loadDocument('long-line.txt', Buffer.from(text));
  for (const family of FAMILIES) {
    try {
      family.detect(doc);
      family.parse(doc);
    } catch {
      // A parser may refuse another family's document; only its time counts here.
    }
  }
  parseDocument(doc);
}

/** The size of what every family reads from the text: what is stored, so what storing it costs. */
function outputSize(text: string): number {
  const { doc } = loadDocument('long-line.txt', Buffer.from(text));
  let size = JSON.stringify(parseDocument(doc)).length;
  for (const family of FAMILIES) {
    try {
      size += JSON.stringify(family.parse(doc)).length;
    } catch {
      // As in ingestText.
    }
  }
  return size;
}

/** Lines a quarter, half and three quarters into the document. */
function spread(ctx: Context): number[] {
  const n = ctx.lines.length;
  return [Math.floor(n / 4), Math.floor(n / 2), Math.floor((3 * n) / 4)];
}

describe('ingest time is linear in the length of a line', () => {
  // Each kind in one document (the kinds go round the nine families), to keep the suite's time in bounds; the
  // property below mixes kinds, documents and places at random.
  it.each(Object.entries(KINDS).map(([name, unit], k) => [name, unit, CONTEXTS[k % CONTEXTS.length]!] as const))(
    'a long line of %s',
    (name, unit, ctx) => {
      const at = spread(ctx);
      const grew = superLinear((n) => ingestText(withRun(ctx, repeatTo(unit, n), at)), { n: 7_500 });
      expect(grew, `${name} in ${ctx.path}`).toBeNull();
      // What is read grows with the line too (an item repeated per date of a line made records quadratic in size):
      // counted, not timed, so no noise.
      const [small, large] = [2_000, 8_000].map((n) => outputSize(withRun(ctx, repeatTo(unit, n), at)));
      expect(large! / small!, `size of what is read from ${name} in ${ctx.path}: ${small} → ${large}`).toBeLessThanOrEqual(5);
    },
    120_000,
  );

  it('reads items of a size linear in the line from dated, priced and staffed lines in every family', () => {
    // Counted, not timed: each kind whose pieces become items (milestones, budget lines, contacts, staffing) in
    // each of the nine documents.
    for (const name of ['years', 'months', 'dotted dates', 'month ranges', 'amounts', 'counts', 'contacts', 'staffing']) {
      for (const ctx of CONTEXTS) {
        const at = spread(ctx);
        const [small, large] = [2_000, 8_000].map((n) => outputSize(withRun(ctx, repeatTo(KINDS[name]!, n), at)));
        expect(large! / small!, `size of what is read from ${name} in ${ctx.path}: ${small} → ${large}`).toBeLessThanOrEqual(5);
      }
    }
  }, 120_000);

  it('holds for long lines of random mixes of those kinds, anywhere in a document', () => {
    const pieces = Object.values(KINDS);
    const unit = fc.oneof(
      fc.array(fc.constantFrom(...pieces), { minLength: 2, maxLength: 4 }).map((p) => p.join('')),
      fc.string({ unit: fc.constantFrom(...'0123456789 \t.,:;()[]<>&*#-~%/·…○□ㅇ가나관과팀명원년월☎’"'.split('')), minLength: 1, maxLength: 6 }),
    );
    fc.assert(
      fc.property(unit, fc.constantFrom(...CONTEXTS), fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), (u, ctx, at) => {
        const grew = superLinear((n) => ingestText(withRun(ctx, repeatTo(u, n), at)), { n: 7_500 });
        expect(grew, `${JSON.stringify(u)} in ${ctx.path} at ${at.join(', ')}`).toBeNull();
      }),
      { numRuns: 12, seed: 20261206 },
    );
  }, 300_000);

  it('reads a 1 MB line of digits in seconds (it never finished)', () => {
    // In a child process, killed at the bound: a regression must fail here, not hang the suite in a regex.
    const script = [
      "import { FAMILIES } from './src/ingest/families/index.ts';",
      "import { loadDocument, parseDocument } from './src/ingest/parse.ts';",
      "const { doc } = loadDocument('long-line.txt', Buffer.from('주요업무계획\\n' + '1234567890'.repeat(100000) + '\\n끝'));",
      'for (const f of FAMILIES) { f.detect(doc); f.parse(doc); }',
      'parseDocument(doc);',
    ].join('\n');
    const started = performance.now();
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    // Absolute, so generous: linear work takes about a second here; the quadratic pattern took hours.
    expect(child.signal, `killed after ${Math.round(performance.now() - started)} ms`).toBeNull();
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
  }, 60_000);
});
