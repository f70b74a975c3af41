import assert from "node:assert/strict";
import { inertMarkdown } from "../../../media/results/markdown";

describe("inertMarkdown.render(prompt)", () => {
  it("shows a pack's raw HTML and scripts as text instead of parsing them", () => {
    const html = inertMarkdown.render('Hello <script>alert(1)</script> <img src=x onerror="alert(2)">\n\n<div onclick="x()">block</div>');
    assert.doesNotMatch(html, /<script|<img|<div/);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });

  it("drops javascript:, file: and command: links but keeps https links", () => {
    const html = inertMarkdown.render("[a](javascript:alert(1)) [b](file:///etc/passwd) [c](command:workbench.action.quit) [d](https://pytorch.org/docs)");
    assert.doesNotMatch(html, /href="(javascript|file|command):/);
    assert.match(html, /href="https:\/\/pytorch.org\/docs"/);
  });

  it("renders the markdown a prompt uses: code, emphasis, lists", () => {
    const html = inertMarkdown.render("Use `round(x / s)`, **not** truncation:\n\n- one\n- two");
    assert.match(html, /<code>round\(x \/ s\)<\/code>/);
    assert.match(html, /<strong>not<\/strong>/);
    assert.match(html, /<li>two<\/li>/);
  });
});
