/**
 * Keeps resolved sessions for a few seconds so that an authenticated request costs no database round trip.
 * Sign-out and deactivation on this process evict at once; other processes see them when their entry expires
 * (at most `ttlMs` later).
 */
export interface CachedSession<T> {
  value: T;
  userId: string;
  expiresAt: number;
}

export class SessionCache<T> {
  private readonly entries = new Map<string, CachedSession<T>>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: { ttlMs: number; maxEntries?: number; now?: () => number }) {
    this.ttlMs = options.ttlMs;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, userId: string, value: T): void {
    if (this.ttlMs <= 0) return;
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { value, userId, expiresAt: this.now() + this.ttlMs });
  }

  evict(key: string): void {
    this.entries.delete(key);
  }

  evictUser(userId: string): void {
    for (const [key, entry] of this.entries) if (entry.userId === userId) this.entries.delete(key);
  }

  evictWhere(matches: (value: T) => boolean): void {
    for (const [key, entry] of this.entries) if (matches(entry.value)) this.entries.delete(key);
  }
}
