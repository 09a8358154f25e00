import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { AllowFileSchema, checkArchitecture, formatReport, partOf, type AllowEntry } from "./check-architecture";

const check = (files: Record<string, string>, allow: AllowEntry[] = []) => {
  const report = checkArchitecture(new Map(Object.entries(files)), allow);
  return { report, ...formatReport(report) };
};

describe("checkArchitecture on small in-memory repositories", () => {
  it("a clean graph passes: all parts import oracle-core, feed and sdk import api-core, tests import anything", () => {
    const r = check({
      "oracle-core/quant/price.ts": "export const p = 1;",
      "oracle-core/quant/index.ts": 'export { p } from "./price";',
      "api-core/handlers.ts": 'import { p } from "../oracle-core/quant";',
      "feed-worker/routes/read.ts": 'import { p } from "../../oracle-core/quant";\nimport "../../api-core/handlers";',
      "feed-worker/data/bundled.ts": 'import r from "../../data/registry.json";',
      "data/registry.json": "",
      "sdk/src/mcp-stdio.ts": 'import "../../api-core/handlers";',
      "widgets/exo-ticker.ts": 'import "../oracle-core/quant";',
      "pwa/app/main.ts": 'import "../../oracle-core/quant/index";',
      "oracle-core/quant/price.test.ts": 'import "../../test/feed/harness";\nimport "./price";',
      "test/feed/harness.ts": 'import "../../feed-worker/routes/read";\nimport "../../sdk/src/mcp-stdio";',
      "scripts/build.ts": 'import "../widgets/exo-ticker";',
    });
    expect(r.report.cycles).toEqual([]);
    expect(r.report.forbidden).toEqual([]);
    expect(r.report.deep).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.lines).toEqual(["architecture: 12 files, 13 imports; 0 violation(s), 0 allow-listed"]);
  });

  it("outside code enters oracle-core by an index: a deep import fails, a lazy import() may name a module", () => {
    const r = check({
      "oracle-core/snapshot/verify.ts": "export const v = 1;",
      "oracle-core/snapshot/noble.ts": "export const n = 1;",
      "oracle-core/snapshot/index.ts": 'export { v } from "./verify";',
      "widgets/client.ts":
        'import { v } from "../oracle-core/snapshot/verify";\nconst n = () => import("../oracle-core/snapshot/noble");',
      "test/verify.test.ts": 'import { v } from "../oracle-core/snapshot";',
    });
    expect(r.ok).toBe(false);
    expect(r.report.deep.map((e) => [e.from, e.to])).toEqual([["widgets/client.ts", "oracle-core/snapshot/verify.ts"]]);
    expect(r.lines[0]).toBe(
      "DEEP: widgets/client.ts ──→ oracle-core/snapshot/verify.ts (import it from oracle-core/snapshot, its index.ts " +
        "says what is public)",
    );
  });

  it("a cycle fails and is printed as its loop", () => {
    const r = check({ "feed-worker/a.ts": 'import "./b";', "feed-worker/b.ts": 'import "./a";' });
    expect(r.ok).toBe(false);
    expect(r.lines[0]).toBe("CYCLE: feed-worker/a.ts ──→ feed-worker/b.ts ──→ feed-worker/a.ts");
    // A component wider than its shortest loop names all its files.
    const wide = check({
      "feed-worker/a.ts": 'import "./b";',
      "feed-worker/b.ts": 'import "./a";\nimport "./c";',
      "feed-worker/c.ts": 'import "./a";',
    });
    expect(wide.lines[0]).toBe(
      "CYCLE: feed-worker/a.ts ──→ feed-worker/b.ts ──→ feed-worker/a.ts " +
        "(component of 3 files: feed-worker/a.ts, feed-worker/b.ts, feed-worker/c.ts)",
    );
  });

  it("a type-only cycle fails too (the AppEnv shape: routes import the app's type, the app imports the routes)", () => {
    const r = check({
      "feed-worker/app.ts": 'import { readRoutes } from "./routes/read";\nexport type AppEnv = {};',
      "feed-worker/routes/read.ts": 'import type { AppEnv } from "../app";',
    });
    expect(r.ok).toBe(false);
    expect(r.lines[0]).toBe("CYCLE: feed-worker/app.ts ──→ feed-worker/routes/read.ts ─type→ feed-worker/app.ts");
  });

  it("forbidden edges fail: sdk ↔ feed-worker, oracle-core upward, pwa → widgets, production → test", () => {
    const r = check({
      "sdk/src/tools.ts": 'import "../../feed-worker/http/api-error";',
      "feed-worker/http/api-error.ts": "",
      "feed-worker/routes/mcp.ts": 'import type { S } from "../../sdk/src/server";',
      "sdk/src/server.ts": "",
      "oracle-core/x.ts": 'import "../api-core/y";',
      "api-core/y.ts": 'import "../widgets/w";',
      "widgets/w.ts": "",
      "pwa/p.ts": 'import "../widgets/w";',
      "feed-worker/q.ts": 'import "../test/feed/harness";',
      "test/feed/harness.ts": "",
    });
    expect(r.ok).toBe(false);
    expect(r.lines.filter((l) => l.startsWith("FORBIDDEN")).sort()).toEqual([
      "FORBIDDEN: api-core/y.ts ──→ widgets/w.ts (api-core may not import widgets)",
      "FORBIDDEN: feed-worker/q.ts ──→ test/feed/harness.ts (feed-worker may not import test)",
      "FORBIDDEN: feed-worker/routes/mcp.ts ─type→ sdk/src/server.ts (feed-worker may not import sdk)",
      "FORBIDDEN: oracle-core/x.ts ──→ api-core/y.ts (oracle-core may not import api-core)",
      "FORBIDDEN: pwa/p.ts ──→ widgets/w.ts (pwa may not import widgets)",
      "FORBIDDEN: sdk/src/tools.ts ──→ feed-worker/http/api-error.ts (sdk may not import feed-worker)",
    ]);
  });

  it("the allow-list excuses exactly what it names; a grown cycle or a stale entry fails", () => {
    const files = { "feed-worker/p.ts": 'import type { S } from "./r";', "feed-worker/r.ts": 'import "./p";' };
    const entry: AllowEntry = {
      cycle: ["feed-worker/r.ts", "feed-worker/p.ts"],
      removed_by: "issue 15 item 7",
      why: "StepName",
    };
    const allowed = check(files, [entry]);
    expect(allowed.ok).toBe(true);
    expect(allowed.lines[0]).toMatch(/^allowed: feed-worker\/p\.ts ─type→ feed-worker\/r\.ts/);
    const grown = check({ ...files, "feed-worker/r.ts": 'import "./s";', "feed-worker/s.ts": 'import "./p";' }, [
      entry,
    ]);
    expect(grown.ok).toBe(false);
    expect(grown.lines[0]).toBe(
      "CYCLE: feed-worker/p.ts ─type→ feed-worker/r.ts ──→ feed-worker/s.ts ──→ feed-worker/p.ts",
    );
    expect(grown.lines).toContain(
      'STALE allow-list entry (remove it): ["feed-worker/r.ts","feed-worker/p.ts"] — issue 15 item 7',
    );
    const edge = check({ "sdk/a.ts": 'import "../feed-worker/b";', "feed-worker/b.ts": "" }, [
      { edge: ["sdk/a.ts", "feed-worker/b.ts"], removed_by: "x", why: "y" },
    ]);
    expect(edge.ok).toBe(true);
  });

  it("partOf: a file's top folder, test files anywhere are tests, root files are tooling", () => {
    expect(partOf("feed-worker/routes/read.ts")).toBe("feed-worker");
    expect(partOf("oracle-core/quant/theta.test.ts")).toBe("test");
    expect(partOf("vite.config.ts")).toBe(".");
  });

  it("the checked-in allow-list parses, and every entry says which issue item removes it", () => {
    const file = AllowFileSchema.parse(
      JSON.parse(readFileSync(resolve(import.meta.dirname, "architecture-allow.json"), "utf8")),
    );
    for (const e of file.entries) expect(e.removed_by).toMatch(/^issue \d+ item \d+/);
  });
});
