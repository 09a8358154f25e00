import { describe, expect, it } from "vitest";
import { longLines } from "./check-line-length";

const pad = (n: number) => "x".repeat(n);

describe("longLines: lines over 120 characters that no literal excuses", () => {
  it("code and comments over the limit are reported with their line and length", () => {
    const text = [`const a = ${pad(100)} + ${pad(20)};`, `// ${pad(130)}`, "const ok = 1;"].join("\n");
    expect(longLines(text).map((l) => [l.line, l.length])).toEqual([
      [1, 134],
      [2, 133],
    ]);
  });

  it("a string or template literal that alone pushes the line over is excused; the code around it still counts", () => {
    const url = `"https://example.com/${pad(120)}"`;
    const text = [
      `const u = ${url};`,
      `it("${pad(130)}", () => {});`,
      `const t = \`a \${1} ${pad(130)}\`;`,
      `const both = ${pad(121)} + ${url};`,
    ].join("\n");
    expect(longLines(text).map((l) => l.line)).toEqual([4]);
  });
});
