import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { codeSpan, fence, fitList, indent, location, tableCell } from "../../../src/report/markdown/format.js";

describe("report/markdown/format", () => {
  it("makes code spans that survive backticks", () => {
    assert.equal(codeSpan("a.py"), "`a.py`");
    assert.equal(codeSpan("a`b"), "``a`b``");
    assert.equal(codeSpan("`x"), "`` `x ``");
  });

  it("makes fences longer than any run of backticks inside", () => {
    assert.equal(fence("python", "x = 1"), "```python\nx = 1\n```");
    assert.equal(fence("", "s = '````'"), "`````\ns = '````'\n`````");
  });

  it("formats locations, plain or linked", () => {
    assert.equal(location("a.py", 3, undefined), "`a.py:3`");
    assert.equal(location("a.py", 3, undefined, 5), "`a.py:3-5`");
    assert.equal(location("a.py", 3, () => "https://x.test/a#L3"), "[`a.py:3`](https://x.test/a#L3)");
  });

  it("indents non-empty lines and escapes table cells", () => {
    assert.equal(indent("a\n\nb"), "  a\n\n  b");
    assert.equal(tableCell("a |\n b"), "a \\| b");
  });

  it("fits as many list items as the length allows", () => {
    const [a, b, c] = ["a", "b", "c"].map((x) => "- " + x.repeat(70));
    const items = [a!, b!, c!];
    assert.equal(fitList("# H", items, "", undefined, ["item", "items"]), `# H\n\n${a}\n${b}\n${c}`);
    const cut = `# H\n\n${a}\n- … and 2 more items, listed in \`REDIS_MIGRATION.md\``;
    assert.equal(fitList("# H", items, "end", cut.length + "\n\nend".length, ["item", "items"]), cut + "\n\nend");
    assert.equal(fitList("# H", items.slice(0, 2), "", cut.length, ["item", "items"]), `# H\n\n${a}\n- … and 1 more item, listed in \`REDIS_MIGRATION.md\``);
    assert.equal(fitList("# H", items, "", 3, ["item", "items"]), "");
  });
});
