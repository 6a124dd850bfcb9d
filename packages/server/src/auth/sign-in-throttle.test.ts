import { describe, expect, it } from 'vitest';
import { accountKey, afterFailure, isLocked, type ThrottleState, throttleRules } from './sign-in-throttle.ts';

const rule = throttleRules.account;
const minutes = (count: number) => count * 60_000;

function failTimes(times: number, start: Date, everyMs = 1000): { state: ThrottleState; at: Date } {
  let state: ThrottleState | undefined;
  let at = start;
  for (let index = 0; index < times; index++) {
    at = new Date(start.getTime() + index * everyMs);
    state = afterFailure(state, at, rule);
  }
  return { state: state as ThrottleState, at };
}

describe('sign-in throttle', () => {
  const start = new Date('2026-03-02T09:00:00Z');

  it('locks an account for 15 minutes at the fifth failure within 15 minutes, not before', () => {
    const four = failTimes(4, start);
    expect(isLocked(four.state, four.at)).toBe(false);
    const five = failTimes(5, start);
    expect(isLocked(five.state, five.at)).toBe(true);
    expect(five.state.lockedUntil?.getTime()).toBe(five.at.getTime() + minutes(15));
    expect(isLocked(five.state, new Date(five.at.getTime() + minutes(15)))).toBe(false);
  });

  it('starts counting again once the window has passed', () => {
    const four = failTimes(4, start);
    const later = new Date(start.getTime() + minutes(16));
    const next = afterFailure(four.state, later, rule);
    expect(next).toEqual({ failures: 1, windowStartedAt: later, lockedUntil: null });
  });

  it('starts a fresh count after a lock runs out', () => {
    const five = failTimes(5, start);
    const after = new Date((five.state.lockedUntil as Date).getTime() + 1);
    expect(afterFailure(five.state, after, rule).failures).toBe(1);
  });

  it('keys accounts by a hash of the email, whatever its case or spacing', () => {
    expect(accountKey(' Admin@Demo.Tandem.test ')).toBe(accountKey('admin@demo.tandem.test'));
    expect(accountKey('admin@demo.tandem.test')).toMatch(/^account:[0-9a-f]{64}$/);
    expect(accountKey('admin@demo.tandem.test')).not.toContain('admin');
  });
});
