import { afterEach, describe, expect, it } from "vitest";
import { archiveFetch, feedHarness, type FeedHarness, type Mutator } from "../../harness/feed-harness";
import { editPrice, shrinkArchive, sourceOfPath, ARCHIVE_PATHS } from "../../test/feed/archive-mutations";
import { RegistryFileSchema, type RegistryFile } from "../../oracle-core/schemas";
import { HistoryFileSchema } from "../../oracle-core/schemas";
import registryJson from "../../data/registry.json";
import historyJson from "../../data/history.json";

const T0 = new Date("2026-11-24T06:15:00Z");
const at = (min: number) => new Date(T0.getTime() + min * 60_000);
const LITELLM = "data/archives/litellm/model_prices_and_context_window.json";
const LLM_HIST = "data/archives/llm-prices/historical-v1.json";
const unavailable = () => new Response("upstream down", { status: 503 });
/** Serves only the listed archives (others answer 503), each optionally edited. */
const only =
  (edits: Record<string, (text: string) => string>): Mutator =>
  (path, text) =>
    path in edits ? edits[path]!(text) : unavailable();

async function model(h: FeedHarness, ticker: string) {
  return (
    (await (await h.request(`/v1/models/${ticker}`)).json()) as {
      data: { beta: number; status: string; prices: { input: number }; pending: unknown };
    }
  ).data;
}
async function sources(h: FeedHarness) {
  return (
    (await (await h.request("/v1/sources")).json()) as {
      data: { source: string; healthy: boolean; reasons: string[] }[];
    }
  ).data;
}
async function history(h: FeedHarness, ticker: string) {
  return (
    (await (await h.request(`/v1/history/${ticker}?field=output`)).json()) as {
      data: { value: number; effective_at: string; observed_at: string; provenance: string }[];
    }
  ).data;
}

/** The registry as it stood before o3's 2025-06-10 cut: $10 in / $40 out. */
function preCutRegistry(): RegistryFile {
  const r = RegistryFileSchema.parse(structuredClone(registryJson));
  const o3 = r.models.find((m) => m.ticker === "O3")!;
  o3.prices.output.usd_per_m = 40;
  o3.prices.input.usd_per_m = 10;
  o3.prices.cache_read!.usd_per_m = 2.5;
  o3.disagreements = [];
  return r;
}
const HISTORY = HistoryFileSchema.parse(historyJson);

let h: FeedHarness;
afterEach(async () => h?.dispose());

describe("circuit breaker on real archives", () => {
  it("holds the real o3 cut ($40 → $8) from one source, then publishes it when the same source repeats it an hour later", async () => {
    h = await feedHarness();
    const data = { registry: preCutRegistry(), history: HISTORY };
    const litellmOnly = archiveFetch(only({ [LITELLM]: (t) => t }));
    const first = await h.run({ now: T0, fetch: litellmOnly, data });
    expect(first).toMatchObject({ published: true, changes: 0 });
    expect(first.held).toBeGreaterThanOrEqual(1);
    expect(await model(h, "O3")).toMatchObject({ beta: 40, status: "pending", pending: { field: "output", value: 8 } });

    await h.run({ now: at(30), fetch: litellmOnly, data });
    expect((await model(h, "O3")).beta).toBe(40);

    const confirmed = await h.run({ now: at(65), fetch: litellmOnly, data });
    expect(confirmed.published).toBe(true);
    const o3 = await model(h, "O3");
    expect(o3.beta).toBe(8);
    expect(o3.prices.input).toBe(2);
    expect(o3.status).not.toBe("pending");
    const last = (await history(h, "O3")).at(-1)!;
    expect(last).toMatchObject({ value: 8, effective_at: "2026-11-24", provenance: "scrape:litellm" });
  });

  it("publishes the o3 cut with its effective date 2025-06-10 when a dated second source confirms it", async () => {
    h = await feedHarness();
    const data = { registry: preCutRegistry(), history: HISTORY };
    await h.run({ now: T0, fetch: archiveFetch(only({ [LITELLM]: (t) => t })), data });
    expect((await model(h, "O3")).status).toBe("pending");
    // llm-prices' history file gains the dated segment: $10/$40 until 2025-06-10, then $2/$8.
    const dated = (t: string) => {
      const d = JSON.parse(t) as { prices: Record<string, unknown>[] };
      const i = d.prices.findIndex((p) => p.id === "o3");
      const old = d.prices[i]!;
      d.prices.splice(
        i,
        1,
        { ...old, to_date: "2025-06-10" },
        { ...old, input: 2, output: 8, input_cached: 0.5, from_date: "2025-06-10", to_date: null },
      );
      return JSON.stringify(d);
    };
    const r = await h.run({ now: at(20), fetch: archiveFetch(only({ [LITELLM]: (t) => t, [LLM_HIST]: dated })), data });
    expect(r.changes).toBeGreaterThanOrEqual(1);
    expect((await model(h, "O3")).beta).toBe(8);
    const last = (await history(h, "O3")).at(-1)!;
    expect(last.value).toBe(8);
    expect(last.effective_at).toBe("2025-06-10");
    expect(last.observed_at.startsWith("2026-11-24")).toBe(true);
  });

  it("never publishes the one-poll 1500× Gemini 2.0 Flash glitch ($150 / $600), even when it is the only source", async () => {
    h = await feedHarness();
    const glitch = (t: string) =>
      editPrice(
        LITELLM,
        editPrice(LITELLM, t, "google", "gemini-2.0-flash", "output", () => 600),
        "google",
        "gemini-2.0-flash",
        "input",
        () => 150,
      );
    const withOthers = await h.run({ now: T0, fetch: archiveFetch((p, t) => (p === LITELLM ? glitch(t) : t)) });
    expect(withOthers.changes).toBe(0);
    expect(await model(h, "GEMINI-2.0-FLASH")).toMatchObject({ beta: 0.4, pending: null });
    const lite = (await sources(h)).find((s) => s.source === "litellm")!;
    expect(lite.reasons.some((r) => r.includes("gemini-2.0-flash") && r.includes("1500"))).toBe(true);

    const alone = await h.run({ now: at(15), fetch: archiveFetch(only({ [LITELLM]: glitch })) });
    expect(alone.changes).toBe(0);
    expect(await model(h, "GEMINI-2.0-FLASH")).toMatchObject({ beta: 0.4, pending: null });
    const fixed = await h.run({ now: at(90), fetch: archiveFetch() });
    expect(fixed.changes).toBe(0);
    expect((await history(h, "GEMINI-2.0-FLASH")).every((o) => o.value < 1)).toBe(true);
  });

  it("a lone surviving source with a wrong price is held, not published", async () => {
    h = await feedHarness();
    await h.run({ now: T0 });
    const wrong = (t: string) => editPrice(LITELLM, t, "openai", "gpt-4.1", "output", () => 6); // −25%
    const r = await h.run({ now: at(15), fetch: archiveFetch(only({ [LITELLM]: wrong })) });
    expect(r.changes).toBe(0);
    expect(await model(h, "GPT-4.1")).toMatchObject({ beta: 8, status: "pending", pending: { value: 6 } });
  });
});

describe("guard: unit errors in every archive format are never published and are visible in /v1/sources", () => {
  const ERRORS: [string, (x: number) => number][] = [
    ["×1e3", (x) => x * 1e3],
    ["×1e5", (x) => x * 1e5],
    ["truncated to 0", () => 0],
    ["per-1K read as per-1M", (x) => x / 1e3],
  ];
  it("for each of the six archives and each error", async () => {
    h = await feedHarness();
    await h.run({ now: T0 });
    let minute = 15;
    for (const path of ARCHIVE_PATHS) {
      const src = sourceOfPath(path)!;
      for (const [name, edit] of ERRORS) {
        const r = await h.run({
          now: at((minute += 15)),
          fetch: archiveFetch((p, t) => (p === path ? editPrice(p, t, "openai", "gpt-4.1", "output", edit) : t)),
        });
        expect(r.changes, `${src} ${name}`).toBe(0);
        expect((await model(h, "GPT-4.1")).beta, `${src} ${name}`).toBe(8);
        const health = (await sources(h)).find((s) => s.source === src)!;
        expect(
          health.reasons.some((line) => line.includes("gpt-4.1") && /E_PRICE_BOUNDS|E_UNIT_SUSPECT/.test(line)),
          `${src} ${name}: ${health.reasons.join(" | ")}`,
        ).toBe(true);
      }
    }
    expect((await history(h, "GPT-4.1")).every((o) => o.provenance.startsWith("historical:"))).toBe(true);
  });
});

describe("guard: broken upstream files mark the source unhealthy and delete nothing", () => {
  const CASES: [string, Mutator, RegExp][] = [
    ["empty file", (p, t) => (p === LITELLM ? "" : t), /E_SOURCE_EMPTY/],
    [
      "truncated download",
      (p, t) => (p === LITELLM ? t.slice(0, Math.floor(t.length / 2)) : t),
      /E_SOURCE_TRUNCATED|E_SOURCE_SCHEMA/,
    ],
    [
      "HTML error page served with 200",
      (p, t) =>
        p === LITELLM
          ? new Response("<!doctype html><title>Error</title><h1>502 Bad Gateway</h1>", {
              status: 200,
              headers: { "content-type": "text/html" },
            })
          : t,
      /E_SOURCE_CONTENT_TYPE|E_SOURCE_SCHEMA/,
    ],
    ["half-size file", (p, t) => (p === LITELLM ? shrinkArchive(p, t, 0.4) : t), /E_SHRINK/],
    ["HTTP 503", (p, t) => (p === LITELLM ? unavailable() : t), /E_SOURCE_HTTP/],
  ];
  it.each(CASES)("%s", async (_name, mutate, code) => {
    h = await feedHarness();
    await h.run({ now: T0 });
    const before = await (await h.request("/v1/greeks")).json();
    const r = await h.run({ now: at(60), trigger: "heartbeat", fetch: archiveFetch(mutate) });
    expect(r.published).toBe(true);
    expect(r.changes).toBe(0);
    const lite = (await sources(h)).find((s) => s.source === "litellm")!;
    expect(lite.healthy).toBe(false);
    expect(lite.reasons.join("\n")).toMatch(code);
    const after = (await (await h.request("/v1/greeks")).json()) as { data: { ticker: string; beta: number }[] };
    const prev = new Map((before as typeof after).data.map((m) => [m.ticker, m.beta]));
    expect(after.data.every((m) => prev.get(m.ticker) === m.beta)).toBe(true);
    // The next good poll makes the source healthy again, and the shrink reference is the last healthy count.
    await h.run({ now: at(75) });
    expect((await sources(h)).find((s) => s.source === "litellm")!.healthy).toBe(true);
  });
});
