// The scale bench's synthetic universe (bench/synthetic-universe.ts); bench/ is not a vitest folder, so it sits here.
import { describe, expect, it } from "vitest";
import { RegistryEntrySchema } from "../../oracle-core/schemas";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { syntheticUniverse } from "../../bench/synthetic-universe";

const root = resolve(import.meta.dirname, "../..");
const registry = JSON.parse(readFileSync(resolve(root, "data/registry.json"), "utf8"));
const history = JSON.parse(readFileSync(resolve(root, "data/history.json"), "utf8"));

describe("syntheticUniverse", () => {
  const u = syntheticUniverse(registry, history, 400);

  it("has 400 valid rows with unique tickers, the curated ones first", () => {
    expect(u.registry.models).toHaveLength(400);
    expect(new Set(u.registry.models.map((m) => m.ticker)).size).toBe(400);
    expect(u.registry.models.slice(0, registry.models.length)).toEqual(registry.models);
    for (const m of u.registry.models) RegistryEntrySchema.parse(m);
  });

  it("copies a row with its match ids and history, without index weight", () => {
    const first = registry.models[0];
    const copy = u.registry.models.find((m) => m.ticker === `${first.ticker}-X2`)!;
    expect(copy.match).toEqual(first.match);
    expect(copy.index_weight_proxy).toBe(0);
    const obs = (t: string) => u.history.observations.filter((o) => o.ticker === t).length;
    expect(obs(copy.ticker)).toBe(obs(first.ticker));
  });
});
