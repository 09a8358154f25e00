// Issue 5: custom-elements.json is generated from the elements' JSDoc and kept current; it documents
// every part the templates actually expose; the elements are typed in HTMLElementTagNameMap.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, expectTypeOf, it } from "vitest";
import { customElementsManifest } from "../../widgets/build/custom-elements-manifest";
import type { ExoCostCalculator } from "../../widgets/exo-cost-calculator";
import type { ExoForwardChart } from "../../widgets/exo-forward-chart";
import type { ExoHistoryChart } from "../../widgets/exo-history-chart";
import type { ExoIndex } from "../../widgets/exo-index";
import type { ExoTicker } from "../../widgets/exo-ticker";
import { ROOT } from "../../harness/widgets-build";

interface Decl {
  name: string;
  tagName: string;
  attributes: { name: string; type: { text: string } }[];
  cssParts: { name: string; description: string }[];
  cssProperties: { name: string }[];
  events: { name: string }[];
}

const WIDGETS = resolve(ROOT, "widgets");
const manifest = customElementsManifest(WIDGETS) as {
  schemaVersion: string;
  modules: { path: string; declarations: Decl[] }[];
};
const decls = manifest.modules.flatMap((m) => m.declarations.map((d) => ({ ...d, path: m.path })));

/** part="…" names in a source file (static ones; a space-separated list counts each). */
const partsIn = (file: string) =>
  [...readFileSync(resolve(WIDGETS, file), "utf8").matchAll(/part="([a-z ]+)"/g)].flatMap((m) => m[1]!.split(" "));

describe("custom-elements.json", () => {
  it("is current: the committed file equals what the JSDoc generates", () => {
    expect(JSON.parse(readFileSync(resolve(WIDGETS, "custom-elements.json"), "utf8"))).toEqual(manifest);
    expect(manifest.schemaVersion).toBe("2.0.0");
  });

  it("lists the five elements, each with theme/feed/pins attributes, the exo-state event and the colour properties", () => {
    expect(decls.map((d) => d.tagName).sort()).toEqual([
      "exo-cost-calculator",
      "exo-forward-chart",
      "exo-history-chart",
      "exo-index",
      "exo-ticker",
    ]);
    for (const d of decls) {
      expect(d.attributes.map((a) => a.name)).toEqual(expect.arrayContaining(["theme", "feed", "pins"]));
      expect(d.attributes.find((a) => a.name === "theme")).toMatchObject({
        type: { text: '"light" | "dark" | "auto"' },
      });
      expect(d.events.map((e) => e.name)).toEqual(["exo-state"]);
      expect(d.cssProperties.map((p) => p.name)).toEqual(
        expect.arrayContaining(["--exo-bg", "--exo-fg", "--exo-border", "--exo-font", "--exo-height"]),
      );
      expect(d.cssParts.every((p) => p.description.length > 10)).toBe(true);
    }
    expect(decls.find((d) => d.tagName === "exo-ticker")!.attributes.map((a) => a.name)).toEqual([
      "model",
      "models",
      "mode",
      "theme",
      "feed",
      "pins",
    ]);
  });

  it("documents exactly the parts each element's templates expose", () => {
    const base = partsIn("exo-element.ts");
    const chart = partsIn("chart-base.ts");
    const used: Record<string, string[]> = {
      "exo-ticker": [...partsIn("exo-ticker.ts"), ...base],
      "exo-forward-chart": [...chart, ...base.filter((p) => p !== "badge")],
      "exo-history-chart": [...chart, ...base.filter((p) => p !== "badge")],
      "exo-cost-calculator": [...partsIn("exo-cost-calculator.ts"), ...base.filter((p) => p !== "badge")],
      "exo-index": [...partsIn("exo-index.ts"), ...base.filter((p) => p !== "badge")],
    };
    for (const d of decls)
      expect([...new Set(d.cssParts.map((p) => p.name))].sort(), d.tagName).toEqual(
        [...new Set(used[d.tagName])].sort(),
      );
  });

  it("types each tag in HTMLElementTagNameMap", () => {
    expectTypeOf<HTMLElementTagNameMap["exo-ticker"]>().toEqualTypeOf<ExoTicker>();
    expectTypeOf<HTMLElementTagNameMap["exo-forward-chart"]>().toEqualTypeOf<ExoForwardChart>();
    expectTypeOf<HTMLElementTagNameMap["exo-history-chart"]>().toEqualTypeOf<ExoHistoryChart>();
    expectTypeOf<HTMLElementTagNameMap["exo-cost-calculator"]>().toEqualTypeOf<ExoCostCalculator>();
    expectTypeOf<HTMLElementTagNameMap["exo-index"]>().toEqualTypeOf<ExoIndex>();
    expectTypeOf<ExoForwardChart["xTickLabels"]>().toEqualTypeOf<string[]>();
  });
});
