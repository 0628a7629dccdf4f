/**
 * A title is never a numbered section heading: a document whose head reads as no title is named by its issuer and
 * the kind of paper a numbered part of it names, else by its file name.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMeta } from '../../../src/ingest/model/meta.js';
import { loadDocument } from '../../../src/ingest/parse.js';
import { SAMPLES } from '../../helpers.js';

const meta = (file: string) => {
  const { doc } = loadDocument(join(SAMPLES, file));
  return { doc, meta: readMeta(doc.lines, doc.name) };
};

describe('a document whose head reads as no title', () => {
  it('an annual report opening on "1. 일반현황" is named by its issuer and the part naming its kind', () => {
    const { doc, meta: m } = meta('yeongdeungpo-audit-annual-report.txt');
    // 영등포구 from the text, 감사담당관 from its org chart's "감사담당관 - (7)개팀", the kind from " 2. 주요업무 추진실적".
    expect(m.title).toBe('영등포구 감사담당관 주요업무 추진실적');
    expect(m.titleLine).toBe(99);
    expect(doc.lines[98]!.trim()).toBe('2. 주요업무 추진실적');
  });

  it('a sheet whose text names no kind of paper is named by its file, not by "1. 사업개요"', () => {
    const { meta: m } = meta('suwon-policy-sheet-cooperative-governance.txt');
    expect(m.title).toBe('suwon-policy-sheet-cooperative-governance');
    expect(m.titleLine).toBe(0);
  });
});
