/**
 * Plain questions written from the approval documents (test/fixtures/approval-questions.json), asked against a
 * store: prints each reply's first lines and whether it holds every expected value and none of the forbidden ones.
 * Usage: npx tsx scripts/approval-questions.ts /tmp/x.db
 */
import { readFileSync } from 'node:fs';
import { loadKnowledge } from '../src/core/knowledge.js';
import { COMMANDS } from '../commands/index.js';
import { createRouter } from '../src/core/dispatch.js';
import { fixedClock } from '../src/domain/clock.js';
import { renderText } from '../src/render/text.js';
import { ProjectStore } from '../src/store/store.js';

interface Question {
  q: string;
  expect: string[];
  forbid?: string[];
}

const db = process.argv[2] ?? 'data/damdang.db';
const questions = JSON.parse(readFileSync('test/fixtures/approval-questions.json', 'utf8')) as Question[];
const store = ProjectStore.open(db);
const knowledge = loadKnowledge(store, fixedClock('2025-12-31'));
const router = createRouter(COMMANDS);
let right = 0;
for (const { q, expect, forbid = [] } of questions) {
  // The renderer defuses "@" in e-mail addresses with a word joiner; compare the text a person reads.
  const out = renderText(router.answer(q, knowledge)).replace(/\u2060/g, '');
  const ok = expect.every((e) => out.includes(e)) && !forbid.some((f) => out.includes(f));
  if (ok) right++;
  const verbose = process.argv.includes('-v');
  console.log(`${ok ? '✓' : '✗'} ${q}${verbose || !ok ? `\n    ${out.split('\n').slice(0, 6).join('\n    ')}` : ''}`);
}
console.log(`${right}/${questions.length} right`);
store.close();
