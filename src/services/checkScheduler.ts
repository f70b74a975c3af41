/**
 * Debounce and cancellation for checks, with no vscode import so it can be unit-tested: a check for a
 * file waits for a quiet period after the latest save, and a newer request for the same file aborts the
 * one waiting or running (its AbortSignal fires), so only the newest text is ever reported.
 */

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** What happened to a scheduled check. */
export type ScheduledOutcome<T> = { kind: "completed"; value: T } | { kind: "superseded" } | { kind: "failed"; error: unknown };

interface Pending {
  controller: AbortController;
  timer?: unknown;
}

export class CheckScheduler {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly timers: Timers = realTimers) {}

  /**
   * Runs `run` for `key` after `delayMs`, unless a newer `schedule` or `cancel` for the same key comes
   * first. A run already in progress for the key is aborted through its signal.
   */
  schedule<T>(key: string, delayMs: number, run: (signal: AbortSignal) => Promise<T>): Promise<ScheduledOutcome<T>> {
    this.cancel(key);
    const entry: Pending = { controller: new AbortController() };
    this.pending.set(key, entry);
    return new Promise((resolve) => {
      const start = () => {
        entry.timer = undefined;
        if (entry.controller.signal.aborted) return resolve({ kind: "superseded" });
        run(entry.controller.signal).then(
          (value) => resolve(entry.controller.signal.aborted ? { kind: "superseded" } : { kind: "completed", value }),
          (error) => resolve(entry.controller.signal.aborted ? { kind: "superseded" } : { kind: "failed", error }),
        ).finally(() => {
          if (this.pending.get(key) === entry) this.pending.delete(key);
        });
      };
      entry.controller.signal.addEventListener("abort", () => {
        if (entry.timer !== undefined) {
          this.timers.clearTimeout(entry.timer);
          entry.timer = undefined;
          resolve({ kind: "superseded" });
        }
      });
      if (delayMs <= 0) start();
      else entry.timer = this.timers.setTimeout(start, delayMs);
    });
  }

  /** Aborts whatever is waiting or running for `key`. */
  cancel(key: string): void {
    const entry = this.pending.get(key);
    if (!entry) return;
    this.pending.delete(key);
    entry.controller.abort();
  }

  /** Whether a check for `key` is waiting or running. */
  isBusy(key: string): boolean {
    return this.pending.has(key);
  }

  dispose(): void {
    for (const key of [...this.pending.keys()]) this.cancel(key);
  }
}
