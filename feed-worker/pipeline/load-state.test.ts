import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { feedHarness, type FeedHarness } from "../../harness/feed-harness";
import type { HistoryObservation } from "../../oracle-core/schemas";
import { ensureSchema } from "../store/db";
import { insertObservationsStmts } from "../store/seed";
import { loadState } from "./load-state";

const row = (value: number, note?: string): HistoryObservation => ({
  ticker: "LOAD",
  family: "load",
  field: "output",
  value,
  effective_at: `2026-01-0${value}`,
  observed_at: "2026-01-01",
  kind: "launch",
  source: "test",
  provenance: "manual",
  confidence: "public-record",
  ...(note ? { note } : {}),
});

describe("loadState reads the history once per isolate, then only the rows after it", () => {
  let h: FeedHarness;
  const values = async () => (await loadState(h.env)).observations.map((o) => o.value);

  beforeAll(async () => {
    h = await feedHarness();
    await ensureSchema(h.env.DB);
  });
  afterAll(() => h.dispose());

  it("returns every row in id order, as the schema has it (no id, no null columns), frozen", async () => {
    await h.env.DB.batch(insertObservationsStmts(h.env.DB, [row(1, "first"), row(2)], null));
    const s = await loadState(h.env);
    expect(s.observations).toEqual([row(1, "first"), row(2)]);
    expect(() => {
      (s.observations[0] as { value: number }).value = 9;
    }).toThrow(TypeError);
    expect(s.latest).toBeNull();
  });

  it("appends the rows written since the last load", async () => {
    await h.env.DB.batch(insertObservationsStmts(h.env.DB, [row(3), row(4)], 1));
    expect(await values()).toEqual([1, 2, 3, 4]);
    expect(await values()).toEqual([1, 2, 3, 4]);
  });

  it("reads everything again when the count does not add up (a row removed by hand)", async () => {
    await h.env.DB.prepare("DELETE FROM observations WHERE value = 2").run();
    expect(await values()).toEqual([1, 3, 4]);
    await h.env.DB.batch(insertObservationsStmts(h.env.DB, [row(5)], 2));
    expect(await values()).toEqual([1, 3, 4, 5]);
  });
});
