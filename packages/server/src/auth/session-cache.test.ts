import { describe, expect, it } from 'vitest';
import { SessionCache } from './session-cache.ts';

describe('SessionCache', () => {
  it('serves an entry until its time-to-live passes', () => {
    let now = 1_000;
    const cache = new SessionCache<string>({ ttlMs: 5_000, now: () => now });
    cache.set('cookie-a', 'user-1', 'session-a');
    now += 4_999;
    expect(cache.get('cookie-a')).toBe('session-a');
    now += 1;
    expect(cache.get('cookie-a')).toBeUndefined();
  });

  it('evicts every session of a user at once (sign-out everywhere, deactivation)', () => {
    const cache = new SessionCache<string>({ ttlMs: 5_000 });
    cache.set('cookie-a', 'user-1', 'a');
    cache.set('cookie-b', 'user-1', 'b');
    cache.set('cookie-c', 'user-2', 'c');
    cache.evictUser('user-1');
    expect(cache.get('cookie-a')).toBeUndefined();
    expect(cache.get('cookie-b')).toBeUndefined();
    expect(cache.get('cookie-c')).toBe('c');
  });

  it('caches nothing when the time-to-live is zero', () => {
    const cache = new SessionCache<string>({ ttlMs: 0 });
    cache.set('cookie-a', 'user-1', 'a');
    expect(cache.get('cookie-a')).toBeUndefined();
  });

  it('drops the oldest entry when full', () => {
    const cache = new SessionCache<string>({ ttlMs: 5_000, maxEntries: 2 });
    cache.set('a', 'u', '1');
    cache.set('b', 'u', '2');
    cache.set('c', 'u', '3');
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('c')).toBe('3');
  });
});
