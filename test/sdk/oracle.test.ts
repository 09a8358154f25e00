import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { get_encoding } from "tiktoken";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareRows } from "../../oracle-core/greeks";
import { priceTask } from "../../oracle-core/greeks";
import { ESTIMATE_BAND } from "../../oracle-core/tokens";
import { createOracle, type Oracle } from "../../sdk/src/create-oracle";
import { reference } from "../tokens/references";
import { fileCache } from "../../sdk/src/file-cache";
import { memoryCache } from "../../sdk/src/snapshot-source";
import {
  FEED,
  feedFetch,
  ISSUED_MS,
  payloadFor,
  signedFixture,
  VALUATION_DATE,
  type SignedFixture,
} from "./snapshot-fixture";

const NOW = ISSUED_MS + 60_000;
const enc = get_encoding("o200k_base");

describe("createOracle: fetch, verify with pinned keys, cache", () => {
  let fx: SignedFixture;
  let oracle: Oracle;
  beforeAll(async () => {
    fx = await signedFixture();
    oracle = await createOracle({
      feedUrl: FEED,
      publicKeys: [fx.publicKey],
      fetch: feedFetch(() => fx),
      now: () => NOW,
    });
  });
  afterAll(() => enc.free());

  it("accepts the signed snapshot and reads it from the feed's two URLs", async () => {
    const f = feedFetch(() => fx);
    const o = await createOracle({ feedUrl: `${FEED}/`, publicKeys: [fx.publicKey], fetch: f, now: () => NOW });
    expect(o.snapshot).toMatchObject({ version: 7, from: "feed", stale: false, valuation_date: VALUATION_DATE });
    expect(f.urls.sort()).toEqual([`${FEED}/.well-known/exostream-keys.json`, `${FEED}/v1/snapshot`]);
    expect(o.payload.models.length).toBe(fx.payload.models.length);
  });

  it("refuses a snapshot when the pinned key is another one (E_KEYSET_CHAIN), or the payload was altered (E_SIG_INVALID)", async () => {
    const other = "PUAXw+hDiVqStwqnTRt+vJyYLM8uxJaMwM1V8Sr0Zgw="; // RFC 8032 test 2 key: valid, but not the signer
    await expect(
      createOracle({ feedUrl: FEED, publicKeys: [other], fetch: feedFetch(() => fx), now: () => NOW }),
    ).rejects.toMatchObject({ code: "E_KEYSET_CHAIN" });
    const env = JSON.parse(fx.envelope) as { payload: string };
    const payload = JSON.parse(Buffer.from(env.payload, "base64").toString("utf8")) as { models: { beta: number }[] };
    payload.models[0]!.beta = 0.01;
    const forged = {
      ...fx,
      envelope: JSON.stringify({ ...env, payload: Buffer.from(JSON.stringify(payload)).toString("base64") }),
    };
    await expect(
      createOracle({ feedUrl: FEED, publicKeys: [fx.publicKey], fetch: feedFetch(() => forged), now: () => NOW }),
    ).rejects.toMatchObject({ code: "E_SIG_INVALID" });
  });

  it("refuses an expired snapshot (issued + 3 h + 5 min skew) and an older version than the cached one (E_ROLLBACK)", async () => {
    await expect(
      createOracle({
        feedUrl: FEED,
        publicKeys: [fx.publicKey],
        fetch: feedFetch(() => fx),
        now: () => ISSUED_MS + 3 * 3600_000 + 5 * 60_000 + 1,
      }),
    ).rejects.toMatchObject({ code: "E_EXPIRED" });
    const cache = memoryCache();
    let served = fx;
    const o = await createOracle({
      feedUrl: FEED,
      publicKeys: [fx.publicKey],
      fetch: feedFetch(() => served),
      cache,
      now: () => NOW,
    });
    served = await signedFixture(payloadFor(6));
    await expect(o.refresh()).rejects.toMatchObject({ code: "E_ROLLBACK" });
    expect(o.snapshot.version).toBe(7);
  });

  it("caches on disk: an unreachable feed serves the verified cache; a tampered cache file is refused", async () => {
    const dir = mkdtempSync(join(tmpdir(), "exo-sdk-cache-"));
    try {
      let online = true;
      const opts = {
        feedUrl: FEED,
        publicKeys: [fx.publicKey],
        fetch: feedFetch(() => (online ? fx : null)),
        cache: fileCache(dir),
        now: () => NOW,
      };
      await createOracle(opts);
      online = false;
      const offline = await createOracle(opts);
      expect(offline.snapshot).toMatchObject({ version: 7, from: "cache" });
      const file = join(dir, "snapshot.json");
      const saved = JSON.parse(readFileSync(file, "utf8")) as { envelope: string };
      const env = JSON.parse(saved.envelope) as { signatures: { sig: string }[] };
      env.signatures[0]!.sig = Buffer.alloc(64, 7).toString("base64");
      writeFileSync(file, JSON.stringify({ ...saved, envelope: JSON.stringify(env) }));
      await expect(createOracle(opts)).rejects.toMatchObject({ code: "E_SIG_INVALID" });
      rmSync(file);
      await expect(createOracle(opts)).rejects.toMatchObject({ code: "E_NO_SNAPSHOT" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("price and compare are oracle-core's priceTask and compareRows on the verified rows", () => {
    const row = fx.payload.models.find((m) => m.ticker === "SONNET-4")!;
    const task = { n_in: 30000, n_out: 800, eta: 0.6 };
    const p = oracle.price({ model: "SONNET-4", ...task });
    expect(p).toEqual(priceTask(row, task, VALUATION_DATE));
    // MATH.md §2.4 worked example.
    expect(p.spot!.cost).toBeCloseTo(0.0534, 12);
    const active = fx.payload.models.filter((m) => m.lifecycle === "active" && m.provider === "anthropic");
    expect(oracle.compare({ ...task, provider: "anthropic" })).toEqual(compareRows(active, task, VALUATION_DATE));
  });

  it("forward is the lifecycle forward of the verified row: expected price, median, P(change), quantiles", () => {
    const f = oracle.forward("gpt-4.1", "3M");
    const g = fx.payload.models.find((m) => m.ticker === "GPT-4.1")!;
    // GPT-4.1 is superseded (GPT-5 launched after it): its moves arrive at the superseded hazard λ, sizes e^Y with
    // Y ~ N(μ, s²), so P(change by t) = 1 − e^(−λt) and E[β_t] = β·exp(λt·(e^(μ + s²/2) − 1)).
    const { hazard, jump } = g.forecast!;
    expect(g.forecast!.superseded).toBe(true);
    const lt = hazard.superseded * 0.25;
    expect(f).toMatchObject({ ticker: "GPT-4.1", t: 0.25, beta_spot: 8, model: "lifecycle-hazard", tier: null });
    expect(f.p_change).toBeCloseTo(1 - Math.exp(-lt), 9);
    expect(f.beta_forward).toBeCloseTo(8 * Math.exp(lt * (Math.exp(jump.mu + jump.s ** 2 / 2) - 1)), 4);
    expect(f.beta_forward).toBe(g.forwards["3M"]); // the signed row's forward
    // With P(change) ≈ 0.06%, every quantile and the median sit on the spot; θ does not move it.
    expect(f.median).toBe(8);
    expect(f.quantiles).toEqual({ q5: 8, q25: 8, q75: 8, q95: 8 });
    expect(Math.abs(f.beta_forward - 8 * Math.exp(-g.theta * 0.25))).toBeGreaterThan(1e-3);
    expect(oracle.forward("GPT-4.1", 0)).toMatchObject({ beta_forward: 8, median: 8, p_change: 0 });
    // A family's newest model also carries the tier forecast; its launches make a change likelier than the SKU's own.
    const head = oracle.forward("SONNET-5", "6M");
    expect(head.tier).not.toBeNull();
    expect(head.tier!.p_change).toBeGreaterThan(head.p_change!);
    expect(head.quantiles!.q5).toBeLessThanOrEqual(head.median!);
    expect(head.quantiles!.q95).toBeGreaterThanOrEqual(head.median!);
  });

  it("resolves provider model ids to tickers (dated snapshots, provider prefixes), and suggests on a miss", () => {
    expect(oracle.resolve("claude-sonnet-4-5-20250929")).toBe("SONNET-4.5");
    expect(oracle.resolve("gpt-4.1-2025-04-14")).toBe("GPT-4.1");
    expect(oracle.resolve("gemini/gemini-2.5-pro")).toBe("GEMINI-2.5-PRO");
    expect(oracle.resolve("openai:o3")).toBe("O3");
    expect(oracle.resolve("gpt 4.1")).toBe("GPT-4.1");
    expect(() => oracle.resolve("gpt-4.2")).toThrow(
      expect.objectContaining({ code: "E_UNKNOWN_TICKER", message: expect.stringMatching(/did you mean .*GPT-4\.1/) }),
    );
  });

  it("estimate: an exact n_in for an OpenAI encoding, the range over output length, and max − n_think as the ceiling", async () => {
    const prompt = "Summarise the attached incident report in three bullet points for the on-call channel.";
    const n = enc.encode_ordinary(prompt).length;
    const e = await oracle.estimate({ model: "GPT-4.1", prompt, max_tokens: 1000 });
    expect(e.tokens).toMatchObject({ exact: true, encoding: "o200k_base", n_in: n, band: [n, n] });
    // Hand check: min = (n×$2 + 1×$8)/1e6, max = (n×$2 + 1000×$8)/1e6.
    expect(e.min).toBeCloseTo((n * 2 + 8) / 1e6, 15);
    expect(e.max).toBeCloseTo((n * 2 + 1000 * 8) / 1e6, 15);
    const t = await oracle.estimate({ model: "O3", n_in: 2000, max_tokens: 3000, n_think: 1000 });
    expect(t.output_ceiling).toBe(2000);
    expect(t.max).toBeCloseTo((2000 * 2 + (2000 + 1000) * 8) / 1e6, 15);
    await expect(oracle.estimate({ model: "O3", n_in: 10, max_tokens: 100, n_think: 100 })).rejects.toMatchObject({
      code: "E_MAX_TOKENS",
    });
  });

  it("estimate for a model without a public tokenizer widens the range by the −5%…+24% band of the o200k proxy", async () => {
    const prompt = "Draft a polite reply declining the meeting, and propose Thursday afternoon instead.";
    const n = enc.encode_ordinary(prompt).length;
    const e = await oracle.estimate({ model: "SONNET-4.5", prompt, max_tokens: 500 });
    const [lo, hi] = [Math.floor(n * (1 + ESTIMATE_BAND.low)), Math.ceil(n * (1 + ESTIMATE_BAND.high))];
    expect(ESTIMATE_BAND).toEqual({ low: -0.05, high: 0.24 });
    expect(e.tokens).toMatchObject({ exact: false, n_in: n, band: [lo, hi], label: "estimate −5%…+24%" });
    expect(e.min).toBeCloseTo((lo * 3 + 15) / 1e6, 15);
    expect(e.max).toBeCloseTo((hi * 3 + 500 * 15) / 1e6, 15);
  });

  it("estimate for a Llama 3.3 prompt counts exactly with the Llama 3 vocabulary, without tiktoken or any peer", async () => {
    const prompt = "Draft a polite reply declining the meeting, and propose Thursday afternoon instead.";
    const ref = reference("llama3");
    const n = (await ref.encode(prompt)).length;
    const e = await oracle.estimate({ model: "LLAMA-3.3-70B", prompt, max_tokens: 500 });
    expect(e.tokens).toMatchObject({
      exact: true,
      encoding: "llama3",
      n_in: n,
      band: [n, n],
      label: "exact (open vocabulary)",
    });
  });
});
