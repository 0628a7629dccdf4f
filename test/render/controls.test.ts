/**
 * Every renderer strips escape, control and bidi characters again, whatever ingest already did: a reply also
 * carries what a user typed, a file name, and whatever a later code path adds. Discord masked links in document
 * text are shown as written, never as links whose text hides where they go.
 */
import { describe, expect, it } from 'vitest';
import { fields, list, reply, table, text } from '../../src/core/reply.js';
import { discordContent, renderDiscord } from '../../src/render/discord.js';
import { neutralizeJson } from '../../src/render/safe.js';
import { renderSlack } from '../../src/render/slack.js';
import { renderText } from '../../src/render/text.js';

/** Clear screen, set the window title, ring the bell, CSI in its 8-bit form, right-to-left override, isolate, NUL. */
const HOSTILE = '\x1b[2J\x1b]0;pwned\x07\x9b31m\u202e\u2066\x00\x7f';
/** Any of them left over in rendered output (a JSON text escapes C0 as \u001b, so both forms are looked for). */
const LEFT = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|\\u00(?:0[0-8]|1[0-9a-f]|7f)/i;

const hostileReply = () =>
  reply(
    'answer',
    `협치시정${HOSTILE} 예산`,
    [
      text(`집행 ${HOSTILE}15백만원`),
      fields([{ label: `담당${HOSTILE}`, value: `정책기획과${HOSTILE}` }]),
      list([`항목${HOSTILE}`], `목록${HOSTILE}`),
      table([`구분${HOSTILE}`, '예산'], [[`2019년${HOSTILE}`, `31백만원${HOSTILE}`]], `표${HOSTILE}`),
    ],
    { sources: [`문서${HOSTILE}.txt · 3행`], suggestions: [`예산 협치${HOSTILE}`], subject: `협치${HOSTILE}` },
  );

describe('every renderer strips control and bidi characters', () => {
  it('plain text', () => {
    const out = renderText(hostileReply());
    expect(out).not.toMatch(LEFT);
    expect(out).toContain('집행 15백만원');
  });

  it('Slack Block Kit: blocks, fallback text and button labels', () => {
    const m = renderSlack(hostileReply(), { question: `질문${HOSTILE}`, share: true, feedback: true });
    // Button values are not shown: they come back to us as the question, which the inbound path cleans.
    const shown = JSON.stringify(m, (k, v: unknown) => (k === 'value' ? undefined : v));
    expect(shown).not.toMatch(LEFT);
    expect(shown).toContain('집행 15백만원');
  });

  it('Discord embeds, the footer, suggestions and plain content', () => {
    const r = hostileReply();
    const shown = JSON.stringify([renderDiscord(r), renderDiscord({ ...r, subject: undefined }), discordContent(`답${HOSTILE}`)]);
    expect(shown).not.toMatch(LEFT);
    expect(shown).toContain('집행 15백만원');
  });

  it('JSON output of stored rows and digests: every string, nested, keys too', () => {
    const row = neutralizeJson({ id: 1, comment: `틀림${HOSTILE} <@U123>`, sources: [`a${HOSTILE}`], nested: { [`k${HOSTILE}`]: [`v${HOSTILE}`] } });
    expect(JSON.stringify(row)).not.toMatch(LEFT);
    expect(JSON.stringify(row)).not.toContain('<@U123>');
    expect(row.id).toBe(1);
  });
});

describe('Discord masked links in document text', () => {
  /** A masked link Discord would render: [text](url) or [text](<url>) with its bracket not escaped. */
  const MASKED = /(?<!\\)\[[^\]\n]*(?<!\\)\]\(/;

  it('are escaped in descriptions, fields, table rows, list items and mention replies', () => {
    const links = ['[보도자료](http://evil.example/x)', '[https://www.seoul.go.kr](https://evil.example)', '[예산서](<http://evil.example>)'];
    const r = reply('answer', `제목 ${links[0]}`, [
      text(links.join(' ')),
      fields([{ label: links[1]!, value: links[2]! }]),
      list(links, links[0]),
      table(['구분', '링크'], [[links[0]!, links[1]!]]),
    ]);
    const m = renderDiscord(r);
    for (const e of m.embeds) {
      for (const s of [e.title, e.description, ...e.fields.flatMap((f) => [f.name, f.value])]) if (s) expect(s).not.toMatch(MASKED);
    }
    expect(discordContent(links.join(' '))).not.toMatch(MASKED);
    // Shown as written (Discord drops the backslashes), the URL still readable.
    expect(m.embeds[0]!.description).toContain('\\[보도자료\\](http://evil.example/x)');
  });
});
