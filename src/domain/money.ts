/** Money is an integer number of won; the unit the document used is kept for display. Never a float. */
import { z } from 'zod';

export const MONEY_UNITS = ['원', '천원', '만원', '백만원', '억원'] as const;
export type MoneyUnit = (typeof MONEY_UNITS)[number];

const WON_PER_UNIT: Record<MoneyUnit, number> = {
  원: 1,
  천원: 1_000,
  만원: 10_000,
  백만원: 1_000_000,
  억원: 100_000_000,
};

export const MoneySchema = z.object({
  won: z.number().int(),
  unit: z.enum(MONEY_UNITS),
  /** The number as the document wrote it in its unit, e.g. "20,263" or "1,134". */
  written: z.string(),
});
export type Money = z.infer<typeof MoneySchema>;

/** Finds the unit named in a "(단위 : 백만원)" / "<단위 : 천원>" / "(단위:천원)" line or cell, if any. */
export function unitFromText(text: string): MoneyUnit | null {
  const m = /단\s*위\s*(?:[:：]\s*)?(백만\s*원|천\s*원|만\s*원|억\s*원|원)/.exec(text);
  if (!m) return null;
  return normalizeUnit(m[1]!);
}

export function normalizeUnit(text: string): MoneyUnit | null {
  const t = text.replace(/\s+/g, '');
  return (MONEY_UNITS as readonly string[]).includes(t) ? (t as MoneyUnit) : null;
}

/**
 * Reads an amount written in `unit`: "20,263", "△94" (negative), "1,134.5" (decimals allowed, rounded to won).
 * Returns null for anything that is not a plain number ("-", "해당없음", "운영").
 */
export function parseAmount(text: string, unit: MoneyUnit): Money | null {
  const t = text.trim().replace(/\s+/g, '');
  const m = /^([△▲▽-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/.exec(t);
  if (!m) return null;
  const negative = m[1] === '△' || m[1] === '-' || m[1] === '▽';
  const intPart = m[2]!.replace(/,/g, '');
  const frac = m[3] ?? '';
  const perUnit = WON_PER_UNIT[unit];
  // Integer arithmetic on the decimal digits keeps 1.1 백만원 exact.
  const scaled = BigInt(intPart + frac) * BigInt(perUnit);
  const won = Number(scaled / 10n ** BigInt(frac.length));
  if (!Number.isSafeInteger(won)) return null;
  return { won: negative ? -won : won, unit, written: t.replace(/^[▲]/, '') };
}

/** "5,365백만원", "21,371천원", "120,000,000" (원) → Money. */
export function parseAmountWithUnit(text: string, fallbackUnit: MoneyUnit | null = null): Money | null {
  const m = /([△▲-]?\d[\d,]*(?:\.\d+)?)\s*(백만\s*원|천\s*원|만\s*원|억\s*원|원)?/.exec(text);
  if (!m) return null;
  const unit = m[2] ? normalizeUnit(m[2]) : fallbackUnit;
  if (!unit) return null;
  return parseAmount(m[1]!, unit);
}

/** "20,263천원" — the document's own unit right beside the number. */
export function formatMoney(money: Money): string {
  return `${money.written}${money.unit}`;
}

const JO = 1_000_000_000_000n;
const EOK = 100_000_000n;
const MAN = 10_000n;

const group = (n: bigint) => Number(n).toLocaleString('ko-KR');

/**
 * The exact reading in 조/억/만 as officials say it: 2,345,678,901,000원 → "2조 3,456억 7,890만 1천원",
 * 456,000,000,000원 → "4,560억원". Below 만원 the remainder is kept ("1천원", "1,234원"), so nothing is dropped.
 */
export function formatWonExact(won: number): string {
  const abs = BigInt(Math.abs(won));
  const jo = abs / JO;
  const eok = (abs % JO) / EOK;
  const man = (abs % EOK) / MAN;
  const rest = abs % MAN;
  const parts = [jo ? `${group(jo)}조` : '', eok ? `${group(eok)}억` : '', man ? `${group(man)}만` : ''].filter(Boolean);
  if (rest) parts.push(rest % 1000n === 0n ? `${rest / 1000n}천` : group(rest));
  if (parts.length === 0) return '0원';
  return `${won < 0 ? '-' : ''}${parts.join(' ')}원`;
}

/**
 * A short reading for large amounts, e.g. "약 2조 3,457억원", "약 2억 8,749만원", "1억 1,600만원": the two largest
 * units, the last rounded; "약" whenever rounding changed the figure. Null below 만원, where it would add nothing.
 */
export function formatWonReading(won: number): string | null {
  const abs = BigInt(Math.abs(won));
  if (abs < MAN) return null;
  const sign = won < 0 ? '-' : '';
  // The smaller of the two units shown: 억 from 1조, 만 below.
  const step = abs >= JO ? EOK : MAN;
  const rounded = ((abs + step / 2n) / step) * step;
  const jo = rounded / JO;
  const eok = (rounded % JO) / EOK;
  const man = (rounded % EOK) / MAN;
  const parts =
    abs >= JO
      ? [`${group(jo)}조`, eok ? `${group(eok)}억` : '']
      : [eok ? `${group(eok)}억` : '', man ? `${group(man)}만` : ''];
  const text = parts.filter(Boolean).join(' ');
  return `${rounded === abs ? '' : '약 '}${sign}${text}원`;
}
