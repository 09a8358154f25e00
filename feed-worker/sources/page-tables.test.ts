import { describe, expect, it } from "vitest";
import { cleanLabel, extractTables } from "./page-tables";

describe("extractTables (HTML)", () => {
  it("reads header and rows in document order, with the nearest heading", () => {
    const t = extractTables(
      "<h2>Standard</h2><table><tr><th>Model</th><th>Input</th></tr><tr><td>gpt-4.1</td><td>$2.00</td></tr></table>",
    );
    expect(t).toEqual([
      {
        heading: "Standard",
        context: "Standard",
        rows: [
          ["Model", "Input"],
          ["gpt-4.1", "$2.00"],
        ],
      },
    ]);
  });

  it("expands colspan and rowspan into a rectangular grid", () => {
    const [t] = extractTables(
      '<table><tr><th colspan="2">MODEL</th><th>a</th><th>b</th></tr><tr><td rowspan="2">PRICING</td><td>IN</td><td colspan="2">$1</td></tr><tr><td>OUT</td><td>$2</td><td>$3</td></tr></table>',
    );
    expect(t?.rows).toEqual([
      ["MODEL", "MODEL", "a", "b"],
      ["PRICING", "IN", "$1", "$1"],
      ["PRICING", "OUT", "$2", "$3"],
    ]);
  });

  it("keeps notes of enclosing sections in the context, drops those of closed sections", () => {
    const html =
      "<h2>Old</h2><p>per 1K tokens</p><h2>Text tokens</h2><p>Prices per 1M tokens.</p><h3>Batch</h3><table><caption>cap</caption><tr><th>Model</th></tr></table>";
    const [t] = extractTables(html);
    expect(t?.heading).toBe("Batch");
    expect(t?.context).toBe("Text tokens \nPrices per 1M tokens. \nBatch \ncap");
  });

  it("ignores CSS classes, ids, comments and scripts: restyling does not change what is read", () => {
    const plain = "<table><tr><th>Model</th><th>Input</th></tr><tr><td>x</td><td>$1</td></tr></table>";
    const styled =
      '<!-- <table><tr><td>decoy</td></tr></table> --><script>var t = "<table>";</script><div class="pricing-v2 grid"><table id="t9" class="tbl__x"><tr class="hdr"><th class="c1">Model</th><th>Input</th></tr><tr><td><span class="name">x</span></td><td><b>$1</b></td></tr></table></div>';
    expect(extractTables(styled).map((t) => t.rows)).toEqual(extractTables(plain).map((t) => t.rows));
  });

  it("keeps <br> line breaks inside a cell", () => {
    const [t] = extractTables(
      "<table><tr><th>x</th></tr><tr><td>$1.25, prompts &lt;= 200k<br>$2.50, prompts &gt; 200k</td></tr></table>",
    );
    expect(t?.rows[1]).toEqual(["$1.25, prompts <= 200k\n$2.50, prompts > 200k"]);
  });
});

describe("extractTables (markdown)", () => {
  it("reads pipe tables with their headings and notes", () => {
    const md =
      "# Pricing\n\nPrices per MTok.\n\n| Model | Input |\n|---|---|\n| A | $1 |\n| B \\| beta | $2<br>$3 |\n\nAfter.";
    expect(extractTables(md)).toEqual([
      {
        heading: "Pricing",
        context: "Pricing \nPrices per MTok.",
        rows: [
          ["Model", "Input"],
          ["A", "$1"],
          ["B | beta", "$2\n$3"],
        ],
      },
    ]);
  });

  it("finds nothing in text without a table", () => {
    expect(extractTables("# Pricing\n\nContact us.")).toEqual([]);
  });
});

describe("cleanLabel", () => {
  it("strips links, emphasis, footnotes and a deprecated note", () => {
    expect(cleanLabel("Claude Opus 4.1 ([deprecated](/docs/x))")).toBe("Claude Opus 4.1");
    expect(cleanLabel("**Claude  Sonnet 4.5**¹")).toBe("Claude Sonnet 4.5");
    expect(cleanLabel("gpt-4.1 [2]")).toBe("gpt-4.1");
  });
});
