import { ProjectStore } from '../src/store/store.js';
import { loadKnowledge } from '../src/core/knowledge.js';
import { fixedClock } from '../src/domain/clock.js';
import { bestPassage, queryWords } from '../src/core/passages.js';
const store = ProjectStore.open('/tmp/ev.db');
const k = loadKnowledge(store, fixedClock('2021-06-01'));
const q = process.argv[2]!;
console.log(queryWords(q));
for (const pat of process.argv.slice(3)) {
  const recs = k.summaries.filter((s) => s.documentName.includes(pat)).map((s) => k.get(String(s.id))!);
  const p = bestPassage(q, recs, k.lines);
  console.log(pat, p && { text: p.text, cov: p.coverage, det: p.detail, label: p.labelHit, local: p.local });
}
