import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { RegistryEntrySchema, RegistryFileSchema, type RegistryEntry, type RegistryFile } from "./registry";

const file = JSON.parse(readFileSync(resolve(import.meta.dirname, "../../data/registry.json"), "utf8")) as RegistryFile;
const row = (t: string): RegistryEntry => structuredClone(file.models.find((m) => m.ticker === t)!);
const messages = (x: unknown) => {
  const r = RegistryEntrySchema.safeParse(x);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("RegistryFileSchema", () => {
  it("accepts the committed registry", () => {
    const r = RegistryFileSchema.safeParse(file);
    expect(r.success ? [] : r.error.issues).toEqual([]);
  });

  it("rejects a price checked after its archive's commit date", () => {
    const f = structuredClone(file);
    const m = f.models.find((x) => x.ticker === "GPT-4.1")!;
    m.prices.output = { ...m.prices.output, source: "models-dev", checked: "2026-07-03" };
    const r = RegistryFileSchema.safeParse(f);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toMatch(/checked 2026-07-03 is after the models-dev archive date 2026-07-02/);
  });
});

describe("RegistryEntrySchema refinements", () => {
  it("accepts rows as committed", () => {
    for (const t of ["OPUS-4.6", "GPT-5.6-TERRA", "DEEPSEEK-R1", "LLAMA-4-MAVERICK"])
      expect(messages(row(t)), t).toEqual([]);
  });

  it("rejects a lowercase ticker and an unknown provider", () => {
    expect(messages({ ...row("O3"), ticker: "o3" }).join()).toMatch(/ticker/);
    expect(messages({ ...row("O3"), provider: "cohere" }).join()).toMatch(/provider/);
  });

  it("rejects per-token prices outside [1e-10, 1e-3] USD (a ×1e5 unit error)", () => {
    const e = row("GPT-4.1");
    e.prices.output.usd_per_m = 8e5;
    expect(messages(e).join()).toMatch(/prices\.output\.usd_per_m/);
    const z = row("GPT-4.1");
    z.prices.input.usd_per_m = 0;
    expect(messages(z).join()).toMatch(/prices\.input\.usd_per_m/);
  });

  it("rejects implausible ratios: input > 2× output, cache write below input, tier α < 1", () => {
    const a = row("GPT-4.1");
    a.prices.input.usd_per_m = 20;
    expect(messages(a).join()).toMatch(/r_in = input\/output = 2\.5/);
    const b = row("OPUS-4.6");
    b.prices.cache_write_1h!.usd_per_m = 4; // Haiku's $6-for-$0.25 style error, the other way round
    expect(messages(b).join()).toMatch(/cache_write_1h\/input = 0\.8/);
    const c = row("GEMINI-2.5-PRO");
    c.tiers[0]!.output = 5;
    expect(messages(c).join()).toMatch(/α_out = 0\.5/);
  });

  it("requires a source, a URL and an ISO checked date on every price", () => {
    const e = row("HAIKU-4.5") as any;
    delete e.prices.cache_read.source;
    e.prices.output.url = "not a url";
    e.prices.input.checked = "2026-13-01";
    const m = messages(e).join("\n");
    expect(m).toMatch(/prices\.cache_read\.source/);
    expect(m).toMatch(/prices\.output\.url/);
    expect(m).toMatch(/prices\.input\.checked/);
  });

  it("composites: prices must be the constituents' medians, and only Meta rows are composites", () => {
    const m = row("LLAMA-4-MAVERICK");
    expect(m.prices.input.usd_per_m).toBe(0.24); // median of 0.20, 0.22, 0.24, 0.27, 0.27
    expect(m.prices.output.usd_per_m).toBe(0.85); // median of 0.60, 0.85, 0.85, 0.88, 0.97
    m.prices.output.usd_per_m = 0.9;
    expect(messages(m).join()).toMatch(/composite output 0\.9 ≠ median of constituents 0\.85/);
    const n = row("LLAMA-4-MAVERICK") as any;
    delete n.composite;
    expect(messages(n).join()).toMatch(/composite` is required/);
  });

  it("a legacy row says why", () => {
    const e = row("GROK-4") as any;
    expect(e.status).toBe("legacy");
    delete e.status_reason;
    expect(messages(e).join()).toMatch(/status_reason/);
  });

  it("batch_ratio: an object in (0, 1], null for no batch API, or absent for the default", () => {
    expect(row("GPT-4.1").batch_ratio?.value).toBe(0.5);
    expect(row("DEEPSEEK-V4-FLASH").batch_ratio).toBeNull();
    expect("batch_ratio" in row("OPUS-4.6")).toBe(false);
    const e = row("GPT-4.1");
    e.batch_ratio!.value = 1.5;
    expect(messages(e).join()).toMatch(/batch_ratio\.value/);
  });
  it("composites with an even count of hosts take the lower middle host, a price some host quotes (LLAMA-3.3-70B)", () => {
    const m = RegistryFileSchema.parse(file).models.find((x) => x.ticker === "LLAMA-3.3-70B")!;
    const hosts = m.composite!.constituents;
    expect(hosts.length % 2).toBe(0);
    expect(hosts.some((h) => h.input === m.prices.input.usd_per_m)).toBe(true);
    expect(hosts.some((h) => h.output === m.prices.output.usd_per_m)).toBe(true);
    expect([m.prices.input.usd_per_m, m.prices.output.usd_per_m]).toEqual([0.59, 0.74]);
  });
});
