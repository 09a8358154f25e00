import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { feedHarness, type FeedHarness } from "../../harness/feed-harness";
import type { QuoteState } from "../../oracle-core/greeks";
import type { Decisions, FieldHold, FieldPublish } from "../../oracle-core/publishing";
import { ensureSchema } from "../store/db";
import { insertObservationsStmts } from "../store/seed";
import { changeStmts } from "./persist-statements";

const NOW = "2026-11-24T06:00:00.000Z";
const quote = (status: QuoteState["status"]): QuoteState => ({
  prices: {},
  status,
  dispersion: null,
  sources: [],
  pending: null,
});
function decisions(over: Partial<Decisions>): Decisions {
  return {
    publishes: [],
    holds: [],
    cleared: [],
    quotes: new Map([
      ["AAA", quote("ok")],
      ["BBB", quote("ok")],
    ]),
    reconciled: new Map(),
    quoted: new Set(),
    ...over,
  };
}
const publish = (ticker: string, from: number | null, value: number): FieldPublish => ({
  ticker,
  field: "output",
  from,
  value,
  effective_at: "2026-11-24",
  reason: from === null ? "first_quote" : "second_source",
  sources: ["litellm", "models-dev"],
});
const hold = (value: number, isNew: boolean): FieldHold => ({
  ticker: "AAA",
  field: "output",
  published: 10,
  pending: { value, first_seen_at: NOW, sources: ["litellm"] },
  reason: "held",
  isNew,
});

describe("set-based persist statements on workerd D1", () => {
  let h: FeedHarness;
  let db: D1Database;
  // Rows each statement of the batch changed, in order (D1's meta.changes).
  const write = async (version: number, d: Decisions) =>
    (await db.batch(changeStmts(db, version, NOW, d))).map((r) => r.meta.changes);
  const changes = async () =>
    (
      await db
        .prepare("SELECT id, version, ticker, kind, from_value, to_value, detail FROM changes ORDER BY id")
        .all<{ id: number; version: number; ticker: string; kind: string; from_value: number; to_value: number }>()
    ).results;

  beforeAll(async () => {
    h = await feedHarness();
    db = h.env.DB;
    await ensureSchema(db);
  });
  afterAll(() => h.dispose());

  it("stores prices exactly and keeps the changes in the order they were decided", async () => {
    // Doubles whose shortest decimal text is long: each must come back as the same double.
    const values = [0.1 + 0.2, 1 / 3, 1.1e-7, 999.9999999999999];
    const first = values.map((v, i) => publish(`T${i}`, null, v));
    // No quote states here: ticker_status stays empty for the next test.
    await write(1, decisions({ publishes: first, quotes: new Map() }));
    const rows = await db
      .prepare("SELECT ticker, value FROM published WHERE ticker LIKE 'T%' ORDER BY ticker")
      .all<{ value: number }>();
    expect(rows.results.map((r) => r.value)).toEqual(values);

    const moves = [publish("T3", values[3]!, 2 / 3), publish("T0", values[0]!, 7.77)];
    await write(2, decisions({ publishes: moves, quotes: new Map() }));
    const events = (await changes()).filter((c) => c.kind === "price_change");
    expect(events.map((c) => [c.ticker, c.from_value, c.to_value])).toEqual([
      ["T3", 999.9999999999999, 2 / 3],
      ["T0", 0.1 + 0.2, 7.77],
    ]);
    expect(events[0]!.id).toBeLessThan(events[1]!.id);
  });

  it("a repeated hold and unchanged statuses rewrite nothing; a moved status is one event", async () => {
    await db.batch([db.prepare("INSERT INTO published VALUES ('AAA', 'output', 10, '2026-01-01', 0, NULL)")]);
    const before = (await changes()).length;
    // The first publish seeds ticker_status (2 rows), the hold writes its pending row and one hold event.
    expect(await write(3, decisions({ holds: [hold(8, true)] }))).toEqual([1, 1, 0, 0, 2]);
    // The same hold and statuses again: nothing changes (status and new-model events, pending, ticker_status).
    expect(await write(4, decisions({ holds: [hold(8, false)] }))).toEqual([0, 0, 0, 0]);
    const moved = decisions({ holds: [hold(8, false)] });
    moved.quotes.set("BBB", quote("disputed"));
    expect(await write(5, moved)).toEqual([0, 1, 0, 1]);
    const after = await changes();
    expect(after.slice(before).map((c) => [c.version, c.ticker, c.kind])).toEqual([
      [3, "AAA", "breaker_hold"],
      [5, "BBB", "status_change"],
    ]);
  });

  it("a release reads the held value before the pending row goes: confirmed to the published value", async () => {
    await write(6, decisions({ publishes: [publish("AAA", 10, 8)], cleared: [{ ticker: "AAA", field: "output" }] }));
    const release = (await changes()).filter((c) => c.kind === "breaker_release").at(-1)!;
    expect(release).toMatchObject({ version: 6, ticker: "AAA", from_value: 8, to_value: 8 });
    expect(JSON.parse((release as unknown as { detail: string }).detail)).toEqual({
      outcome: "confirmed",
      held_value: 8,
    });
    const pending = await db.prepare("SELECT COUNT(*) AS n FROM pending").first<{ n: number }>();
    expect(pending!.n).toBe(0);
  });

  it("history rows go in chunks of 500 in order, optional fields as NULL, a repeated row ignored", async () => {
    const obs = Array.from({ length: 1001 }, (_, i) => ({
      ticker: "HIST",
      family: "hist",
      field: "output" as const,
      value: 1 + i / 1000,
      effective_at: "2026-01-01",
      observed_at: "2026-01-01",
      kind: "launch" as const,
      source: "test",
      provenance: "manual" as const,
      confidence: "public-record" as const,
    }));
    const stmts = insertObservationsStmts(db, [...obs, obs[0]!], 9);
    expect(stmts).toHaveLength(3);
    await db.batch(stmts);
    const rows = await db
      .prepare(
        "SELECT value, note, tier_above_tokens, snapshot_version FROM observations WHERE ticker = 'HIST' ORDER BY id",
      )
      .all<{ value: number; note: null; tier_above_tokens: null; snapshot_version: number }>();
    expect(rows.results).toHaveLength(1001);
    expect(rows.results.map((r) => r.value)).toEqual(obs.map((o) => o.value));
    expect(rows.results[0]).toEqual({ value: 1, note: null, tier_above_tokens: null, snapshot_version: 9 });
  });
});
