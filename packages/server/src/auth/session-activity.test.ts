import { describe, expect, it } from 'vitest';
import { type ActivityWrite, SessionActivity } from './session-activity.ts';

function tracker(options: { failWrites?: boolean } = {}) {
  let now = 1_000_000;
  const writes: ActivityWrite[][] = [];
  const activity = new SessionActivity({
    flushIntervalMs: 60_000,
    retainMs: 120_000,
    now: () => now,
    async write(entries) {
      if (options.failWrites) throw new Error('database down');
      writes.push(entries);
    },
  });
  return {
    activity,
    writes,
    advance(ms: number) {
      now += ms;
      return now;
    },
    get now() {
      return now;
    },
  };
}

describe('session activity', () => {
  it('keeps the latest of what the database holds and what this process saw', () => {
    const { activity } = tracker();
    activity.observe('s1', 500);
    activity.touch('s1', 800);
    activity.observe('s1', 700);
    expect(activity.lastActivity('s1')).toBe(800);
    activity.observe('s1', 900);
    expect(activity.lastActivity('s1')).toBe(900);
  });

  it('writes each moved session once per flush, not once per request', async () => {
    const t = tracker();
    t.activity.observe('s1', t.now);
    for (let request = 0; request < 50; request++) t.activity.touch('s1', t.advance(100));
    await t.activity.flush();
    expect(t.writes).toEqual([[{ sessionId: 's1', at: new Date(t.now) }]]);
    // Nothing moved since: the next flush writes nothing.
    await t.activity.flush();
    expect(t.writes).toHaveLength(1);
  });

  it('does not write activity the database already holds', async () => {
    const t = tracker();
    t.activity.observe('s1', t.now);
    await t.activity.flush();
    expect(t.writes).toEqual([]);
  });

  it('keeps unwritten activity when the write fails, for the next flush', async () => {
    const t = tracker({ failWrites: true });
    t.activity.touch('s1', t.advance(10));
    await t.activity.flush();
    t.advance(500_000);
    await t.activity.flush();
    expect(t.activity.lastActivity('s1')).toBeDefined();
  });

  it('drops stored entries that have been idle past the retention', async () => {
    const t = tracker();
    t.activity.touch('s1', t.now);
    await t.activity.flush();
    t.advance(121_000);
    await t.activity.flush();
    expect(t.activity.lastActivity('s1')).toBeUndefined();
  });
});
