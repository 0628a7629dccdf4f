/**
 * Hostile text at every boundary: line breaks and control characters in messages, escape sequences and
 * mentions in documents, a reply object that must be as safe as its text, filler that must not get a card, and
 * a too-long message that must say how long it was.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Knowledge, loadKnowledge } from '../../src/core/knowledge.js';
import { inputLines, normalizeMessage } from '../../src/core/message-text.js';
import { list, reply, table, text } from '../../src/core/reply.js';
import { fixedClock } from '../../src/domain/clock.js';
import { ingestPaths } from '../../src/ingest/ingest.js';
import { neutralizeReply } from '../../src/render/safe.js';
import { renderText } from '../../src/render/text.js';
import { ProjectStore } from '../../src/store/store.js';
import { answer, CORPUS, SAMPLES, tempDir } from '../helpers.js';

const ESC = '\x1b';
const UNSAFE = /@everyone|@here|<!channel>|<@U|\x1b|[\x00-\x08\x0b-\x1f\x7f]/;

const askJson = (db: string, input: string) =>
  spawnSync(process.execPath, ['bin/damdang.js', 'ask', '--json', '--db', db, '--today', '2021-06-01'], {
    input,
    encoding: 'utf8',
  });

let k: Knowledge;
beforeAll(() => {
  const store = ProjectStore.open(join(tempDir(), 'hostile.db'));
  ingestPaths(store, [SAMPLES, CORPUS]);
  k = loadKnowledge(store, fixedClock('2021-06-01'));
});

describe('messages normalised once at the boundary', () => {
  it('treats CR, CRLF, U+2028 as spaces and drops ANSI escapes and control characters', () => {
    expect(normalizeMessage('정책기획과장\r전화번호')).toBe('정책기획과장 전화번호');
    expect(normalizeMessage('정책기획과장\r\n전화번호\u2028')).toBe('정책기획과장 전화번호');
    expect(normalizeMessage(`${ESC}[31m정책기획과장${ESC}[0m 전화\x07번호\x00`)).toBe('정책기획과장 전화번호');
    expect(normalizeMessage(`${ESC}]0;pwned${ESC}\\순찰 행정 예산`)).toBe('순찰 행정 예산');
    expect(normalizeMessage('\u202e호번화전 장과획기책정')).toBe('호번화전 장과획기책정');
  });

  it('answers a coloured question as the plain one', () => {
    const plain = renderText(answer('정책기획과장 전화번호', k));
    expect(plain).toContain('2050');
    expect(renderText(answer(`${ESC}[1;31m정책기획과장${ESC}[0m\r전화번호`, k))).toBe(plain);
  });

  it('splits piped input on LF only: a lone CR stays inside its line', async () => {
    const chunks = [Buffer.from('help\r정책기획'), Buffer.from('과장 전화번호\r\n순찰\u2028예산\n끝')];
    const lines: string[] = [];
    for await (const l of inputLines(chunks)) lines.push(l);
    expect(lines).toEqual(['help\r정책기획과장 전화번호', '순찰\u2028예산', '끝']);
  });

  it('ask --json: one JSON line per input line, whatever CR, U+2028 and escapes it holds', () => {
    const db = join(tempDir(), 'json.db');
    const r = askJson(db, `정책기획과장\r전화번호\n${ESC}[2J순찰 행정 예산\u2028얼마\r\n@everyone 협치\n`);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(/[\u2028\u2029\r\x1b]/);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    const parsed = lines.map((l) => JSON.parse(l) as { message: string; text: string; reply: object });
    expect(parsed[0]!.text).toContain('2050');
    expect(parsed[1]!.text).toContain('18,630천원');
    for (const p of parsed) expect(JSON.stringify(p)).not.toMatch(UNSAFE);
  });

  it('says how long a too-long message was before it was cut', () => {
    const r = answer('예산 '.repeat(3000), k);
    expect(r.kind).toBe('error');
    expect(r.title).toContain('(9,000자)');
  });
});

describe('document text shown safely by every renderer', () => {
  it('neutralises the reply object itself, not only the rendered text', () => {
    const raw = reply('answer', `@everyone ${ESC}[31m공지`, [
      text('<!channel> <@U123> @here'),
      list([`${ESC}]0;title\x07항목`], '@channel'),
      table(['<@U1>'], [['\x00셀 @everyone']]),
    ], { sources: ['doc\x1b[2J.txt'], suggestions: ['@here 예산'], subject: '<!channel> 사업' });
    const safe = neutralizeReply(raw);
    expect(JSON.stringify(safe)).not.toMatch(UNSAFE);
    expect(safe.title).toBe('@\u2060everyone 공지');
    expect(renderText(raw)).toBe(renderText(safe));
    expect(neutralizeReply(safe)).toEqual(safe);
  });

  it('a document with mentions and escapes: stored without escapes, answered without mentions, in text and reply', () => {
    const dir = tempDir();
    const sheet = readFileSync(`${SAMPLES}/suwon-policy-sheet-cooperative-governance.txt`, 'utf8');
    writeFileSync(join(dir, 'loud.txt'), sheet.replaceAll('협치시정 활성화', `협치시정 활성화 @everyone <!channel> ${ESC}[5m`));
    const db = join(dir, 'loud.db');
    const ingest = spawnSync(process.execPath, ['bin/damdang.js', 'ingest', join(dir, 'loud.txt'), '--db', db], {
      encoding: 'utf8',
    });
    expect(ingest.status).toBe(0);
    const store = ProjectStore.open(db);
    const [rec] = store.currentRecords();
    expect(rec!.record.title).toContain('@everyone');
    expect(store.documentLines(rec!.document.versionId).join('\n')).not.toContain(ESC);
    store.close();
    const r = askJson(db, '협치시정 활성화\n');
    const out = JSON.parse(r.stdout) as { text: string; reply: { kind: string; title: string } };
    expect(out.reply.kind).toBe('answer');
    expect(out.reply.title).toContain('협치시정 활성화 @\u2060everyone ‹!channel›');
    expect(r.stdout).not.toMatch(UNSAFE);
  });
});

describe('confidence: a card only when a specific word names the record', () => {
  it.each(['everyone123 사업', 'abc 사업', 'zzz 추진 현황'])('%j is not found', (q) => {
    expect(answer(q, k).kind).toBe('not_found');
  });

  it('still answers names written in Latin letters, digits and wrong-keyboard typing', () => {
    expect(renderText(answer('2580', k))).toContain('박동일');
    expect(answer('dlsrnjs', k).kind).not.toBe('not_found');
    expect(renderText(answer('15-3-5', k))).toContain('디지털 국제페스티벌');
  });
});
