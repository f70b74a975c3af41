import assert from "node:assert/strict";
import { findRawHtml } from "../../../src/packs/promptHtml";

describe("findRawHtml", () => {
  it('findRawHtml("r < 0.5 → f, |v| < 2^52, 3<4") finds nothing (comparisons are not tags)', () => {
    assert.deepEqual(findRawHtml("r < 0.5 → f\n\n|v| < 2^52, and 3<4 holds\n"), []);
  });

  it("findRawHtml finds a tag, a closing tag, a comment and a processing instruction at their lines", () => {
    const found = findRawHtml("x < 1 and <b>bold</b>\n\n<!-- note -->\n\n<?php ?>\n");
    assert.deepEqual(
      found.map((f) => `${f.start.line}:${f.start.column} ${f.snippet}`),
      ["1:11 <b>", "1:18 </b>", "3:1 <!-- note -->", "5:1 <?php ?>"],
    );
  });

  it("findRawHtml leaves HTML inside a code span or fence alone", () => {
    assert.deepEqual(findRawHtml("`<b>` is a tag\n\n```\n<div>\n```\n"), []);
  });
});
