// Drafts that save as the person types (session notes, coming soon): a save starts once typing pauses, never
// two at once; what was typed during a save is saved right after it; a version conflict (409) stops saving and
// is shown, so nobody's newer text is overwritten. Drafts live on the server only: patient data never sits in
// the browser's storage.
import { ApiError, asApiError } from '../api/problem.ts';

export type AutosaveStatus =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved'; at: Date }
  /** The last save failed; `retry` tries again with the latest values. */
  | { state: 'failed'; error: ApiError }
  /** Someone else saved a newer version: saving has stopped. */
  | { state: 'conflict'; error: ApiError };

export interface AutosaveSnapshot {
  status: AutosaveStatus;
  /** Changes not saved yet (typed since the last save began, or a failed save's). */
  unsaved: boolean;
  version: number;
}

export interface AutosaveOptions<Values> {
  /** Saves a draft on top of `version` and answers the version it became. */
  save: (values: Values, version: number) => Promise<number>;
  version: number;
  /** How long typing pauses before a save, in milliseconds. */
  delay: number;
  now?: () => Date;
}

const isConflict = (error: ApiError) => error.status === 409;

export class Autosave<Values> {
  private snapshot: AutosaveSnapshot;
  private latest: Values | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private saving = false;
  private stopped = false;
  private readonly listeners = new Set<() => void>();
  private options: AutosaveOptions<Values>;

  constructor(options: AutosaveOptions<Values>) {
    this.options = options;
    this.snapshot = { status: { state: 'idle' }, unsaved: false, version: options.version };
  }

  /** The save function may change between renders; the newest one is used. */
  setSave(save: AutosaveOptions<Values>['save']) {
    this.options = { ...this.options, save };
  }

  getSnapshot = (): AutosaveSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The person typed: save once they pause. */
  change(values: Values) {
    if (this.stopped) return;
    this.latest = values;
    this.update({ unsaved: true });
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.run();
    }, this.options.delay);
  }

  /** Saves now what is not saved yet (leaving the field, or after a failure). */
  retry = () => {
    if (this.stopped) return;
    this.clearTimer();
    void this.run();
  };

  /** Stops for good: the form is gone. */
  dispose() {
    this.stopped = true;
    this.clearTimer();
  }

  private async run() {
    if (this.saving || this.stopped || !this.snapshot.unsaved || this.latest === undefined) return;
    const values = this.latest;
    this.saving = true;
    this.update({ status: { state: 'saving' }, unsaved: false });
    try {
      const version = await this.options.save(values, this.snapshot.version);
      this.saving = false;
      if (this.stopped) return;
      this.update({ status: { state: 'saved', at: this.options.now?.() ?? new Date() }, version });
      // Typed during the save, and the pause already passed: save the newer text now.
      if (this.snapshot.unsaved && this.timer === undefined) void this.run();
    } catch (thrown) {
      this.saving = false;
      const error = thrown instanceof ApiError ? thrown : asApiError(thrown);
      if (isConflict(error)) {
        this.stopped = true;
        this.clearTimer();
        this.update({ status: { state: 'conflict', error }, unsaved: true });
        return;
      }
      // What failed is still not saved; newer typing (if any) is kept in `latest`.
      this.clearTimer();
      this.update({ status: { state: 'failed', error }, unsaved: true });
    }
  }

  private clearTimer() {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private update(change: Partial<AutosaveSnapshot>) {
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener();
  }
}
