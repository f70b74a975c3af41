import assert from "node:assert/strict";
import { PendingReplies } from "../../../src/runner/pendingReplies";

describe("PendingReplies", () => {
  it("open() numbers requests from 1 and resolve(id, reply) delivers each reply to its own request", async () => {
    const pending = new PendingReplies<string, { calls: number }>();
    const a = pending.open({ calls: 1 });
    const b = pending.open({ calls: 2 });
    assert.deepEqual([a.id, b.id], [1, 2]);
    assert.equal(pending.contextOf(b.id)?.calls, 2);
    assert.equal(pending.resolve(b.id, "second"), true);
    assert.equal(pending.resolve(a.id, "first"), true);
    assert.deepEqual(await Promise.all([a.reply, b.reply]), ["first", "second"]);
  });

  it("a reply for an id that is not waiting (answered, or never opened) is not delivered", async () => {
    const pending = new PendingReplies<string>();
    const a = pending.open(undefined);
    assert.equal(pending.resolve(a.id, "once"), true);
    assert.equal(pending.resolve(a.id, "twice"), false);
    assert.equal(pending.reject(a.id, new Error("late")), false);
    assert.equal(pending.resolve(99, "forged"), false);
    assert.equal(pending.isWaiting(a.id), false);
    assert.equal(pending.contextOf(a.id), undefined);
    assert.equal(await a.reply, "once");
  });

  it("rejectAll fails every waiting request with the error made for its context, and forgets them", async () => {
    const pending = new PendingReplies<string, string>();
    const a = pending.open("run a");
    const b = pending.open("run b");
    pending.rejectAll((context) => new Error(`${context} lost`));
    await assert.rejects(a.reply, /run a lost/);
    await assert.rejects(b.reply, /run b lost/);
    assert.equal(pending.isWaiting(a.id), false);
    assert.equal(pending.open("next").id, 3);
  });
});
