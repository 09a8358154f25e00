import { describe, expect, it } from "vitest";
import { securityBlock } from "./reliability-report";

describe("the README's Security block comes from the probe suite's recorded figures", () => {
  it("one row per category and a total; nothing when the suite did not run", () => {
    const block = securityBlock({
      "security MCP protocol": { cases: 58, coded: 58, http5xx: 0, uncoded: 0 },
      "security rate limit": { cases: 105, coded: 5, http5xx: 0, uncoded: 0 },
      "load POST /v1/price": { requests: 10 },
    });
    expect(block).toContain("| MCP protocol | 58 | 58 | 0 | 0 |");
    expect(block).toContain("| rate limit | 105 | 5 | 0 | 0 |");
    expect(block).toContain("| **all** | 163 | 63 | 0 | 0 |");
    expect(block).not.toContain("load");
    expect(securityBlock({ "load POST /v1/price": { requests: 10 } })).toBe("");
  });
});
