import { Temporal } from 'temporal-polyfill';
import { isLocalDate, type LocalDate, localDateAt } from './local-date.ts';

/**
 * The program's clock: one moment (the database's now, read once per unit of work) and the program's IANA time
 * zone. Every "today", due date and overdue check in Tandem is a function of it, so that core replays the same
 * way every time it is handed the same clock. Local calendar arithmetic is Temporal's (temporal-polyfill), which
 * knows daylight saving and month lengths.
 */
export interface ProgramClock {
  now: Date;
  timeZone: string;
}

/** A wall-clock time of day, HH:MM (24 hours). */
export type LocalTime = string;

const localTimePattern = /^([01]\d|2[0-3]):[0-5]\d$/;

export function isLocalTime(value: string): value is LocalTime {
  return localTimePattern.test(value);
}

/** The calendar date where the program is. */
export function programToday(clock: ProgramClock): LocalDate {
  return localDateAt(clock.now, clock.timeZone);
}

function plainDate(date: LocalDate): Temporal.PlainDate {
  if (!isLocalDate(date)) throw new RangeError(`Not a calendar date: ${date}`);
  return Temporal.PlainDate.from(date);
}

/** `date` moved by whole calendar days (negative goes back). */
export function addDays(date: LocalDate, days: number): LocalDate {
  return plainDate(date).add({ days }).toString();
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return plainDate(from).until(plainDate(to), { largestUnit: 'days' }).days;
}

/** The moment a wall-clock time on a calendar date happens in `timeZone` (a skipped hour moves forward). */
export function instantAt(date: LocalDate, time: LocalTime, timeZone: string): Date {
  if (!isLocalTime(time)) throw new RangeError(`Not a time of day: ${time}`);
  const zoned = plainDate(date)
    .toPlainDateTime(Temporal.PlainTime.from(time))
    .toZonedDateTime(timeZone, { disambiguation: 'compatible' });
  return new Date(zoned.epochMilliseconds);
}

/** The wall-clock date and time of `moment` in `timeZone`. */
export function localDateTimeAt(moment: Date, timeZone: string): { date: LocalDate; time: LocalTime } {
  const zoned = Temporal.Instant.fromEpochMilliseconds(moment.getTime()).toZonedDateTimeISO(timeZone);
  return {
    date: zoned.toPlainDate().toString(),
    time: zoned.toPlainTime().toString({ smallestUnit: 'minute' }),
  };
}

/** `moment` plus a duration in minutes (exact time, not wall-clock: 60 minutes across a clock change is 60). */
export function addMinutes(moment: Date, minutes: number): Date {
  return new Date(moment.getTime() + minutes * 60_000);
}

/** Whether a due date has passed where the program is: due today is not yet overdue. */
export function isOverdue(dueOn: LocalDate, clock: ProgramClock): boolean {
  return dueOn < programToday(clock);
}

/** Whether a time limit starting at `since` has run out on the clock. */
export function hasElapsed(since: Date, minutes: number, clock: ProgramClock): boolean {
  return clock.now.getTime() - since.getTime() >= minutes * 60_000;
}
