import { describe, expect, it } from "vitest";
import { importCycles, importGraph, importsOf, resolveSpecifier } from "./import-graph";

describe("importsOf: every way a file can name another", () => {
  it("static, type-only, inline-type, re-export, dynamic, import-type, require and side-effect imports", () => {
    const text = [
      'import { a } from "./a";',
      'import type { B } from "./b";',
      'import { type C, type D } from "./c";',
      'import { type E, e } from "./e";',
      'export * from "./f";',
      'export type { G } from "./g";',
      'import "./side-effect";',
      'const h = await import("./h.js");',
      'type I = import("./i").I;',
      'const j = require("../j");',
      '// import { k } from "./k";',
      'const s = "import { l } from \\"./l\\"";',
    ].join("\n");
    expect(importsOf("x/y.ts", text)).toEqual([
      { specifier: "./a", typeOnly: false },
      { specifier: "./b", typeOnly: true },
      { specifier: "./c", typeOnly: true },
      { specifier: "./e", typeOnly: false },
      { specifier: "./f", typeOnly: false },
      { specifier: "./g", typeOnly: true },
      { specifier: "./side-effect", typeOnly: false },
      { specifier: "./h.js", typeOnly: false, dynamic: true },
      { specifier: "./i", typeOnly: true },
      { specifier: "../j", typeOnly: false, dynamic: true },
    ]);
  });
});

describe("resolveSpecifier: as the bundler resolves a relative path", () => {
  const files = new Set(["a/b.ts", "a/c/index.ts", "d/e.mjs", "d/e.d.mts", "data/r.json", "w/x.wasm"]);
  const has = (p: string) => files.has(p);
  it.each([
    ["a/z.ts", "./b", "a/b.ts"],
    ["a/z.ts", "./b.js", "a/b.ts"],
    ["a/z.ts", "./c", "a/c/index.ts"],
    ["a/c/index.ts", "../../d/e.mjs", "d/e.mjs"],
    ["a/z.ts", "../data/r.json", "data/r.json"],
    ["a/z.ts", "../w/x.wasm?module", "w/x.wasm"],
  ])("%s imports %s → %s", (from, spec, to) => expect(resolveSpecifier(from, spec, has)).toBe(to));
  it("packages and missing files are not repository edges", () => {
    expect(resolveSpecifier("a/z.ts", "zod", has)).toBeNull();
    expect(resolveSpecifier("a/z.ts", "node:fs", has)).toBeNull();
    expect(resolveSpecifier("a/z.ts", "./nope", has)).toBeNull();
  });
});

describe("importCycles: one loop per strongly connected component", () => {
  const graph = (files: Record<string, string>) => importGraph(new Map(Object.entries(files)));

  it("a value cycle, a type-only cycle and a self-import, each reported once with its shortest loop", () => {
    const cycles = importCycles(
      graph({
        "p/a.ts": 'import { b } from "./b";',
        "p/b.ts": 'import { c } from "./c";\nimport { a } from "./a";',
        "p/c.ts": 'import { a } from "./a";',
        "q/x.ts": 'import type { Y } from "./y";',
        "q/y.ts": 'import { x } from "./x";',
        "r/self.ts": 'export * from "./self";',
        "r/leaf.ts": 'import { a } from "../p/a";',
      }),
    );
    expect(cycles.map((c) => c.members)).toEqual([["p/a.ts", "p/b.ts", "p/c.ts"], ["q/x.ts", "q/y.ts"], ["r/self.ts"]]);
    // a → b → a is shorter than a → b → c → a.
    expect(cycles[0]!.loop.map((e) => `${e.from}>${e.to}`)).toEqual(["p/a.ts>p/b.ts", "p/b.ts>p/a.ts"]);
    expect(cycles[1]!.loop.map((e) => e.typeOnly)).toEqual([true, false]);
    expect(cycles[2]!.loop).toHaveLength(1);
  });

  it("a value import and a type import of the same file make one value edge", () => {
    const edges = graph({ "a.ts": 'import type { T } from "./b";\nimport { v } from "./b";', "b.ts": "" });
    expect(edges).toEqual([{ from: "a.ts", to: "b.ts", typeOnly: false }]);
  });

  it("a tree or a diamond has no cycle", () => {
    const files = {
      "a.ts": 'import "./b";\nimport "./c";',
      "b.ts": 'import "./d";',
      "c.ts": 'import "./d";',
      "d.ts": "",
    };
    expect(importCycles(graph(files))).toEqual([]);
  });
});
