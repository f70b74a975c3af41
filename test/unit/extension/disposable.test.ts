import assert from "node:assert/strict";
import type * as vscode from "vscode";
import { Disposable } from "../../../src/extension/disposable";
import { PanelSlot } from "../../../src/webview/panelSlot";
import { WebviewOutbox } from "../../../src/webview/webviewOutbox";

function recorder(log: string[], name: string): vscode.Disposable {
  return { dispose: () => void log.push(name) };
}

describe("Disposable, PanelSlot and WebviewOutbox (the extension's ownership and panel plumbing)", () => {
  it("disposes what it registered once, newest first, and at once what comes after", () => {
    const log: string[] = [];
    const owner = new Disposable();
    owner.register(recorder(log, "first"));
    owner.registerAll(recorder(log, "second"), recorder(log, "third"));
    owner.dispose();
    owner.dispose();
    assert.deepEqual(log, ["third", "second", "first"]);
    owner.register(recorder(log, "late"));
    assert.deepEqual(log, ["third", "second", "first", "late"]);
    assert.equal(owner.isDisposed, true);
  });

  it("PanelSlot: a new panel disposes the one before, a closed panel empties the slot, disposing the slot closes its panel", () => {
    const slot = new PanelSlot<Disposable>();
    const first = slot.set(new Disposable());
    const second = slot.set(new Disposable());
    assert.equal(first.isDisposed, true);
    assert.equal(slot.current, second);
    second.dispose();
    assert.equal(slot.current, undefined);
    const third = slot.set(new Disposable());
    slot.dispose();
    assert.equal(third.isDisposed, true);
  });

  it("WebviewOutbox: holds messages until the page says ready, sends `first` before them, holds again once closed", () => {
    const sent: string[] = [];
    const webview = { postMessage: (m: string) => Promise.resolve(sent.push(m) > 0) } as unknown as vscode.Webview;
    const outbox = new WebviewOutbox<string>(webview);
    outbox.post("a");
    outbox.post("b");
    assert.deepEqual(sent, []);
    outbox.opened("state");
    assert.deepEqual(sent, ["state", "a", "b"]);
    outbox.post("c");
    outbox.closed();
    outbox.post("d");
    assert.deepEqual(sent, ["state", "a", "b", "c"]);
    outbox.opened();
    assert.deepEqual(sent, ["state", "a", "b", "c", "d"]);
  });
});
