/**
 * When each session last made an authenticated request, for the idle timeout, without a database write per
 * request: every request updates this process's map; a timer writes the sessions that moved to the database at
 * most once per interval (a minute by default); a session lookup merges what the database holds (written by any
 * process) with what this process saw. With several processes a session's stored activity lags the truth by at
 * most one interval, so the interval is kept small against the idle timeout (a tenth of it, at most a minute).
 */
export interface ActivityWrite {
  sessionId: string;
  at: Date;
}

interface Entry {
  /** Latest activity known to this process (ms since epoch). */
  at: number;
  /** Latest activity known to be in the database. */
  stored: number;
}

export interface SessionActivityOptions {
  flushIntervalMs: number;
  /** Entries idle this long and already stored are dropped; a later lookup reads the database again. */
  retainMs: number;
  write(entries: ActivityWrite[]): Promise<void>;
  now?: () => number;
}

export class SessionActivity {
  private readonly entries = new Map<string, Entry>();
  private readonly options: SessionActivityOptions;
  private readonly now: () => number;
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;

  constructor(options: SessionActivityOptions) {
    this.options = options;
    this.now = options.now ?? Date.now;
  }

  /** What the database holds for the session, read at lookup. */
  observe(sessionId: string, storedAt: number): void {
    const entry = this.entries.get(sessionId);
    if (entry === undefined) this.entries.set(sessionId, { at: storedAt, stored: storedAt });
    else {
      entry.at = Math.max(entry.at, storedAt);
      entry.stored = Math.max(entry.stored, storedAt);
    }
  }

  /** An authenticated request of the session, now. */
  touch(sessionId: string, at = this.now()): void {
    const entry = this.entries.get(sessionId);
    if (entry === undefined) this.entries.set(sessionId, { at, stored: 0 });
    else entry.at = Math.max(entry.at, at);
  }

  lastActivity(sessionId: string): number | undefined {
    return this.entries.get(sessionId)?.at;
  }

  forget(sessionId: string): void {
    this.entries.delete(sessionId);
  }

  /** Writes what moved since the last write; a failed write is tried again at the next flush. */
  flush(): Promise<void> {
    this.flushing ??= this.writePending().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  private async writePending(): Promise<void> {
    const pending: [string, Entry, number][] = [];
    for (const [sessionId, entry] of this.entries) {
      if (entry.at > entry.stored) pending.push([sessionId, entry, entry.at]);
    }
    if (pending.length > 0) {
      try {
        await this.options.write(pending.map(([sessionId, , at]) => ({ sessionId, at: new Date(at) })));
        for (const [, entry, at] of pending) entry.stored = Math.max(entry.stored, at);
      } catch {
        // Kept for the next flush; until then only this process knows of the activity.
      }
    }
    const horizon = this.now() - this.options.retainMs;
    for (const [sessionId, entry] of this.entries) {
      if (entry.at <= entry.stored && entry.at < horizon) this.entries.delete(sessionId);
    }
  }

  start(): void {
    if (this.timer !== undefined) return;
    this.timer = setInterval(() => void this.flush(), this.options.flushIntervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    await this.flush();
  }
}
