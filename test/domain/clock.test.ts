import { describe, expect, it } from 'vitest';
import { fixedClock, instantOf, isTimeZone, systemClock } from '../../src/domain/clock.js';

describe('the clock', () => {
  // 2021-05-31 16:30 UTC is already 2021-06-01 01:30 in Seoul (UTC+9).
  const late = () => new Date('2021-05-31T16:30:00Z');

  it('reads "today" in the office time zone, not the server’s', () => {
    expect(systemClock('Asia/Seoul', late).today()).toBe('2021-06-01');
    expect(systemClock('UTC', late).today()).toBe('2021-05-31');
    expect(systemClock('Asia/Seoul', late).wallClock()).toEqual({ date: '2021-06-01', time: '01:30', weekday: 2 });
  });

  it('pins the date with --today while the time of day runs on', () => {
    const c = fixedClock('2021-03-02', 'Asia/Seoul', late);
    expect(c.today()).toBe('2021-03-02');
    expect(c.now().toISOString()).toBe('2021-03-01T16:30:00.000Z');
    expect(c.wallClock()).toEqual({ date: '2021-03-02', time: '01:30', weekday: 2 });
  });

  it('finds the instant of a wall-clock time across a DST change', () => {
    expect(instantOf('2021-07-01', '09:00', 0, 'Europe/Berlin').toISOString()).toBe('2021-07-01T07:00:00.000Z');
    expect(instantOf('2021-01-04', '09:00', 0, 'Europe/Berlin').toISOString()).toBe('2021-01-04T08:00:00.000Z');
  });

  it('knows a zone name from a typo', () => {
    expect(isTimeZone('Asia/Seoul')).toBe(true);
    expect(isTimeZone('Asia/Seol')).toBe(false);
  });
});
