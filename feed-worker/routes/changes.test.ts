import { parse } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { archiveFetch, feedHarness, type FeedHarness, type Mutator } from "../../harness/feed-harness";
import { editPrice } from "../../test/feed/archive-mutations";
import { HistoryFileSchema } from "../../oracle-core/schemas";
import { RegistryFileSchema } from "../../oracle-core/schemas";
import historyJson from "../../data/history.json";
import registryJson from "../../data/registry.json";

const T0 = new Date("2026-11-24T06:15:00Z");
const at = (min: number) => new Date(T0.getTime() + min * 60_000);
const LITELLM = "data/archives/litellm/model_prices_and_context_window.json";
const GENAI = "data/archives/genai-prices/data.json";
const MODELS_DEV = "data/archives/models-dev/api.json";
const cutTo6 = (p: string, t: string) => editPrice(p, t, "openai", "gpt-4.1", "output", () => 6);
/** Only LiteLLM answers, with GPT-4.1's output cut to $6 (−25%): the breaker holds it. */
const litellmOnlyCut: Mutator = (p, t) =>
  p === LITELLM ? cutTo6(p, t) : new Response("upstream down", { status: 503 });
/** Three archives agree on the cut: the breaker releases it and the price is published. */
const threeAgree: Mutator = (p, t) => ([LITELLM, GENAI, MODELS_DEV].includes(p) ? cutTo6(p, t) : t);

const HISTORY = HistoryFileSchema.parse(historyJson);
const FULL = RegistryFileSchema.parse(registryJson);
/** The registry before GPT-4o mini was listed: it arrives in v4 as a new model. */
const WITHOUT = { ...FULL, models: FULL.models.filter((m) => m.ticker !== "GPT-4O-MINI") };

interface Change {
  id: number;
  version: number;
  at: string;
  kind: string;
  ticker: string;
  field: string | null;
  from: number | string | null;
  to: number | string | null;
  effective_at: string | null;
  detail: Record<string, unknown> | null;
  title: string;
}
type ChangesBody = {
  data: { changes: Change[]; latest_version: number; has_more: boolean; next_after_id: number | null };
  snapshot_version: number;
};

describe("GET /v1/changes and /v1/changes.atom over four publishes: hold, release + price change, status changes, a new model", () => {
  let h: FeedHarness;
  const get = async (q: string) => {
    const res = await h.request(`/v1/changes${q}`);
    return {
      status: res.status,
      body: (await res.json()) as ChangesBody & { error: { code: string; field?: string } },
    };
  };
  beforeAll(async () => {
    for (let attempt = 1; ; attempt++) {
      h = await feedHarness();
      try {
        expect((await h.run({ now: T0, data: { registry: WITHOUT, history: HISTORY } })).version).toBe(1);
        expect(
          (
            await h.run({
              now: at(15),
              fetch: archiveFetch(litellmOnlyCut),
              data: { registry: WITHOUT, history: HISTORY },
            })
          ).version,
        ).toBe(2);
        expect(
          (await h.run({ now: at(30), fetch: archiveFetch(threeAgree), data: { registry: WITHOUT, history: HISTORY } }))
            .version,
        ).toBe(3);
        expect(
          (await h.run({ now: at(45), fetch: archiveFetch(threeAgree), data: { registry: FULL, history: HISTORY } }))
            .version,
        ).toBe(4);
        return;
      } catch (e) {
        await h.dispose();
        if (attempt === 3 || !/SynchronousFetcher/.test(String((e as Error)?.stack))) throw e;
      }
    }
  });
  afterAll(() => h?.dispose());

  it("v1 (the first publish) records nothing; v2 the hold and GPT-4.1's status moving to pending", async () => {
    const { body } = await get("?ticker=GPT-4.1");
    const v2 = body.data.changes.filter((c) => c.version === 2);
    expect(body.data.changes.some((c) => c.version === 1)).toBe(false);
    expect(v2).toEqual([
      expect.objectContaining({
        kind: "breaker_hold",
        ticker: "GPT-4.1",
        field: "output",
        from: 8,
        to: 6,
        at: at(15).toISOString(),
      }),
      expect.objectContaining({
        kind: "status_change",
        ticker: "GPT-4.1",
        field: "status",
        from: "ok",
        to: "pending",
        title: "GPT-4.1 status ok → pending",
      }),
    ]);
  });

  it("v3: the price change with its effective date, the hold released as confirmed, the status back", async () => {
    const { body } = await get("?ticker=GPT-4.1&since_version=2");
    expect(body.data.changes.map((c) => [c.version, c.kind])).toEqual([
      [3, "price_change"],
      [3, "breaker_release"],
      [3, "status_change"],
    ]);
    const [pc, rel, st] = body.data.changes;
    expect(pc).toMatchObject({
      field: "output",
      from: 8,
      to: 6,
      effective_at: "2026-11-24",
      title: "GPT-4.1 output 8 → 6 USD/M (−25%)",
    });
    expect(rel).toMatchObject({ field: "output", from: 6, to: 6, detail: { outcome: "confirmed", held_value: 6 } });
    expect(st).toMatchObject({ from: "pending", to: expect.not.stringMatching(/pending/) });
  });

  it("v4: GPT-4o mini is a new model, with provider, name and release date from the snapshot", async () => {
    const { body } = await get("?kind=new_model");
    expect(body.data.changes).toEqual([
      expect.objectContaining({
        version: 4,
        ticker: "GPT-4O-MINI",
        effective_at: FULL.models.find((m) => m.ticker === "GPT-4O-MINI")!.release_date,
        detail: expect.objectContaining({ provider: "openai", display_name: expect.any(String) }),
      }),
    ]);
    expect(body.data.changes[0]!.title).toBe("New model GPT-4O-MINI (openai)");
  });

  it("since_version is the PWA's 'what changed since my last visit': every change after that version, oldest first", async () => {
    const all = (await get("?limit=500")).body.data;
    expect(all.latest_version).toBe(4);
    expect(all.changes.map((c) => c.id)).toEqual([...all.changes.map((c) => c.id)].sort((a, b) => a - b));
    for (const v of [0, 1, 2, 3, 4]) {
      const since = (await get(`?since_version=${v}&limit=500`)).body.data.changes;
      expect(since).toEqual(all.changes.filter((c) => c.version > v));
    }
    expect(new Set(all.changes.map((c) => c.kind))).toEqual(
      new Set(["breaker_hold", "status_change", "price_change", "breaker_release", "new_model"]),
    );
  });

  it("pages with limit and after_id; bad queries are 400 E_BAD_QUERY with the field", async () => {
    const all = (await get("?limit=500")).body.data.changes;
    const p1 = (await get("?limit=2")).body.data;
    expect(p1).toMatchObject({ has_more: true, next_after_id: all[1]!.id });
    const p2 = (await get(`?limit=2&after_id=${p1.next_after_id}`)).body.data;
    expect(p2.changes.map((c) => c.id)).toEqual(all.slice(2, 4).map((c) => c.id));
    for (const [q, field] of [
      ["?since_version=-1", "since_version"],
      ["?limit=0", "limit"],
      ["?limit=501", "limit"],
      ["?kind=price_drop", "kind"],
      ["?after_id=x", "after_id"],
    ]) {
      const r = await get(q!);
      expect([r.status, r.body.error.code, r.body.error.field]).toEqual([400, "E_BAD_QUERY", field]);
    }
  });

  it("100 filter values: duplicates collapse, more than 50 distinct are 400 E_BAD_QUERY, never a 500 (JSON and Atom)", async () => {
    const many = Array.from({ length: 100 }, (_, i) => `T${i}`).join(",");
    for (const path of ["/v1/changes", "/v1/changes.atom"]) {
      const r = await h.request(`${path}?ticker=${many}`);
      expect(r.status, path).toBe(400);
      expect(((await r.json()) as { error: { code: string; field: string } }).error).toMatchObject({
        code: "E_BAD_QUERY",
        field: "ticker",
      });
      const kinds = Array.from({ length: 100 }, () => "kind=price_change").join("&");
      const k = await h.request(`${path}?${kinds}&ticker=${Array(100).fill("GPT-4.1").join(",")}`);
      expect(k.status, `${path} repeated kind`).toBe(200);
    }
    const same = (await get(`?kind=${Array(100).fill("price_change").join(",")}&limit=500`)).body.data.changes;
    expect(same.length).toBeGreaterThan(0);
    expect(same.every((c) => c.kind === "price_change")).toBe(true);
  });

  it("Atom 1.0: newest first, one entry per change with id, title, updated, category and content; 304 on its ETag", async () => {
    const res = await h.request("/v1/changes.atom?ticker=GPT-4.1");
    expect(res.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const xml = await res.text();
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">')).toBe(
      true,
    );
    const doc = parse(xml);
    const entries = doc.querySelectorAll("entry");
    const json = (await get("?ticker=GPT-4.1")).body.data.changes;
    expect(entries.length).toBe(json.length);
    expect(entries.map((e) => e.querySelector("id")!.text)).toEqual(
      [...json].reverse().map((c) => `urn:exostream:change:${c.id}`),
    );
    expect(entries[0]!.querySelector("title")!.text).toBe([...json].reverse()[0]!.title);
    for (const e of entries)
      for (const tag of ["updated", "published", "content"]) expect(e.querySelector(tag), tag).not.toBeNull();
    expect(doc.querySelector("feed > updated")!.text).toBe(at(30).toISOString());
    expect(doc.querySelector("link[rel=self]")!.getAttribute("href")).toMatch(/\/v1\/changes\.atom$/);
    const etag = res.headers.get("etag")!;
    expect((await h.request("/v1/changes.atom?ticker=GPT-4.1", { headers: { "if-none-match": etag } })).status).toBe(
      304,
    );
  });
});
