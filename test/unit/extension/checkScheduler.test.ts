import assert from "node:assert/strict";
import { CheckScheduler, type Timers } from "../../../src/services/checkScheduler";

/** Timers the test advances by hand, so debounce is tested without waiting. */
class ManualTimers implements Timers {
  private queue: { at: number; callback: () => void; id: number }[] = [];
  private now = 0;
  private nextId = 0;
  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.queue.push({ at: this.now + ms, callback, id });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.queue = this.queue.filter((t) => t.id !== handle);
  }
  advance(ms: number): void {
    this.now += ms;
    const due = this.queue.filter((t) => t.at <= this.now);
    this.queue = this.queue.filter((t) => t.at > this.now);
    for (const t of due) t.callback();
  }
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe("CheckScheduler", () => {
  it("schedule(key, 300, run) waits for the quiet period before running", async () => {
    const timers = new ManualTimers();
    const scheduler = new CheckScheduler(timers);
    let runs = 0;
    const outcome = scheduler.schedule("a.ts", 300, async () => ++runs);
    timers.advance(299);
    await flush();
    assert.equal(runs, 0);
    timers.advance(1);
    assert.deepEqual(await outcome, { kind: "completed", value: 1 });
  });

  it("three quick saves run one check, for the last save", async () => {
    const timers = new ManualTimers();
    const scheduler = new CheckScheduler(timers);
    const ran: string[] = [];
    const first = scheduler.schedule("a.ts", 300, async () => ran.push("first"));
    timers.advance(100);
    const second = scheduler.schedule("a.ts", 300, async () => ran.push("second"));
    timers.advance(100);
    const third = scheduler.schedule("a.ts", 300, async () => ran.push("third"));
    timers.advance(300);
    assert.deepEqual(await first, { kind: "superseded" });
    assert.deepEqual(await second, { kind: "superseded" });
    assert.equal((await third).kind, "completed");
    assert.deepEqual(ran, ["third"]);
  });

  it("a newer save aborts the check already running and its result is not reported", async () => {
    const timers = new ManualTimers();
    const scheduler = new CheckScheduler(timers);
    let sawAbort = false;
    let release!: () => void;
    const running = scheduler.schedule("a.ts", 0, (signal) => {
      signal.addEventListener("abort", () => (sawAbort = true));
      return new Promise<string>((resolve) => (release = () => resolve("stale")));
    });
    const newer = scheduler.schedule("a.ts", 0, async () => "fresh");
    release();
    assert.equal(sawAbort, true);
    assert.deepEqual(await running, { kind: "superseded" });
    assert.deepEqual(await newer, { kind: "completed", value: "fresh" });
  });

  it("checks of different files do not cancel each other", async () => {
    const timers = new ManualTimers();
    const scheduler = new CheckScheduler(timers);
    const a = scheduler.schedule("a.ts", 10, async () => "a");
    const b = scheduler.schedule("b.ts", 10, async () => "b");
    timers.advance(10);
    assert.deepEqual([await a, await b], [{ kind: "completed", value: "a" }, { kind: "completed", value: "b" }]);
  });

  it("a run that throws is reported as failed with its error", async () => {
    const scheduler = new CheckScheduler(new ManualTimers());
    const outcome = await scheduler.schedule("a.ts", 0, async () => {
      throw new Error("compile crashed");
    });
    assert.equal(outcome.kind, "failed");
    assert.match(String((outcome as { error: Error }).error.message), /compile crashed/);
  });

  it("isBusy is true while waiting or running and false after", async () => {
    const timers = new ManualTimers();
    const scheduler = new CheckScheduler(timers);
    const outcome = scheduler.schedule("a.ts", 5, async () => 1);
    assert.equal(scheduler.isBusy("a.ts"), true);
    timers.advance(5);
    await outcome;
    await flush();
    assert.equal(scheduler.isBusy("a.ts"), false);
  });
});
