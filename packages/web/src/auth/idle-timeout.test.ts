import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import {
  durationText,
  idlePhase,
  keepAliveIntervalMs,
  shouldKeepAlive,
  warningLeadMs,
} from './idle-timeout.ts';

const minute = 60_000;

describe('idle timeout in the browser', () => {
  const clock = { lastSeenAt: 1_000_000, idleTimeoutMs: 15 * minute };

  it('warns a minute before the default 15 minutes run out, then signs out at the end', () => {
    expect(idlePhase(clock, clock.lastSeenAt + 13 * minute)).toBe('active');
    expect(idlePhase(clock, clock.lastSeenAt + 14 * minute)).toBe('warning');
    expect(idlePhase(clock, clock.lastSeenAt + 15 * minute - 1)).toBe('warning');
    expect(idlePhase(clock, clock.lastSeenAt + 15 * minute)).toBe('expired');
  });

  it('keeps the warning shorter than the timeout for very short timeouts', () => {
    expect(warningLeadMs(15 * minute)).toBe(minute);
    expect(warningLeadMs(15_000)).toBe(5_000);
  });

  it('reports activity to the server at most every 30 seconds, more often for short timeouts', () => {
    expect(keepAliveIntervalMs(15 * minute)).toBe(30_000);
    expect(keepAliveIntervalMs(15_000)).toBe(1_500);
    expect(shouldKeepAlive(clock, clock.lastSeenAt + 29_000)).toBe(false);
    expect(shouldKeepAlive(clock, clock.lastSeenAt + 30_000)).toBe(true);
  });

  it('says how long in words', () => {
    const intl = createIntl({ locale: 'en', messages: {} });
    expect(durationText(intl, 900)).toBe('15 minutes');
    expect(durationText(intl, 60)).toBe('1 minute');
    expect(durationText(intl, 15)).toBe('15 seconds');
    expect(durationText(intl, 1)).toBe('1 second');
    expect(durationText(intl, 90)).toBe('90 seconds');
  });

  it('says it in the reader’s language', () => {
    const intl = createIntl({ locale: 'es', messages: {} });
    expect(durationText(intl, 900)).toBe('15 minutos');
    expect(durationText(intl, 1)).toBe('1 segundo');
  });
});
