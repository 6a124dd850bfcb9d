import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMinutes,
  daysBetween,
  hasElapsed,
  instantAt,
  isLocalTime,
  isOverdue,
  localDateTimeAt,
  programToday,
} from './program-clock.ts';

const portland = 'America/Los_Angeles';

describe('programToday', () => {
  it('is the date where the program is', () => {
    expect(programToday({ now: new Date('2026-02-01T05:30:00Z'), timeZone: portland })).toBe('2026-01-31');
    expect(programToday({ now: new Date('2026-02-01T05:30:00Z'), timeZone: 'Europe/Madrid' })).toBe(
      '2026-02-01',
    );
  });
});

describe('calendar arithmetic', () => {
  it('adds days across month ends and leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-31', 7)).toBe('2027-01-07');
  });

  it('counts days between dates, negative backwards', () => {
    expect(daysBetween('2026-01-01', '2026-03-01')).toBe(59);
    expect(daysBetween('2026-03-01', '2026-01-01')).toBe(-59);
    expect(daysBetween('2026-03-07', '2026-03-09')).toBe(2);
  });

  it('refuses what is not a calendar date', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });
});

describe('wall-clock times', () => {
  it('places a local time in its zone, daylight saving included', () => {
    expect(instantAt('2026-01-15', '09:00', portland).toISOString()).toBe('2026-01-15T17:00:00.000Z');
    expect(instantAt('2026-07-15', '09:00', portland).toISOString()).toBe('2026-07-15T16:00:00.000Z');
    // 02:30 does not exist on 2026-03-08 in Portland: it moves forward to 03:30 PDT.
    expect(instantAt('2026-03-08', '02:30', portland).toISOString()).toBe('2026-03-08T10:30:00.000Z');
  });

  it('reads a moment back as the local date and time', () => {
    expect(localDateTimeAt(new Date('2026-07-15T16:05:59Z'), portland)).toEqual({
      date: '2026-07-15',
      time: '09:05',
    });
  });

  it('checks times of day', () => {
    expect(isLocalTime('23:59')).toBe(true);
    expect(isLocalTime('24:00')).toBe(false);
    expect(isLocalTime('9:00')).toBe(false);
    expect(() => instantAt('2026-01-15', '9am', portland)).toThrow(RangeError);
  });

  it('adds exact minutes across a clock change', () => {
    const before = new Date('2026-03-08T09:30:00Z'); // 01:30 PST
    expect(localDateTimeAt(addMinutes(before, 60), portland).time).toBe('03:30');
  });
});

describe('due dates and time limits', () => {
  const clock = { now: new Date('2026-02-01T05:30:00Z'), timeZone: portland }; // 2026-01-31 21:30 local
  it('is overdue only once the due day has ended where the program is', () => {
    expect(isOverdue('2026-01-31', clock)).toBe(false);
    expect(isOverdue('2026-01-30', clock)).toBe(true);
  });

  it('says whether a limit has run out', () => {
    expect(hasElapsed(new Date('2026-02-01T05:00:00Z'), 30, clock)).toBe(true);
    expect(hasElapsed(new Date('2026-02-01T05:00:01Z'), 30, clock)).toBe(false);
  });
});
