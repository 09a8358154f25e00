import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { checkData } from "../oracle-core/registry";
import { README_MODELS } from "../oracle-core/registry";
import { SHARED_DIR } from "../harness/shared-path";

const DATA = resolve(import.meta.dirname, "../data");
const load = (name: string) => JSON.parse(readFileSync(join(DATA, name), "utf8"));
const registry = load("registry.json");
const history = load("history.json");
const copy = <T>(x: T): T => structuredClone(x);
const row = (r: any, ticker: string) => r.models.find((m: any) => m.ticker === ticker);

describe("checkData on the committed files", () => {
  it("passes, with ≥ 45 active models from all 7 providers", () => {
    const r = checkData(registry, history);
    expect(r.violations).toEqual([]);
    expect(r.ok).toBe(true);
    const active = registry.models.filter((m: any) => m.status === "active");
    expect(active.length).toBeGreaterThanOrEqual(45);
    expect(new Set(active.map((m: any) => m.provider))).toEqual(
      new Set(["anthropic", "openai", "google", "xai", "mistral", "deepseek", "meta"]),
    );
  });
});

describe("checkData fails on broken copies", () => {
  const fails = (reg: unknown, his: unknown, pattern: RegExp) => {
    const r = checkData(reg, his);
    expect(r.ok).toBe(false);
    expect(r.summary).toMatch(/^check:data FAILED/);
    expect(r.violations.join("\n")).toMatch(pattern);
  };

  it("duplicate ticker", () => {
    const r = copy(registry);
    r.models.push(copy(row(r, "OPUS-4.6")));
    fails(r, history, /duplicate ticker OPUS-4\.6/);
  });

  it("unknown provider", () => {
    const r = copy(registry);
    row(r, "GPT-4.1").provider = "cohere";
    fails(r, history, /GPT-4\.1: unknown provider "cohere"/);
  });

  it("missing source", () => {
    const r = copy(registry);
    delete row(r, "SONNET-4.5").prices.input.source;
    fails(r, history, /SONNET-4\.5: prices\.input is missing its source or url/);
  });

  it("missing url", () => {
    const r = copy(registry);
    row(r, "O3").prices.output.url = "";
    fails(r, history, /O3: prices\.output is missing its source or url/);
  });

  it("ratio out of bounds: a ×1000 unit error on input", () => {
    const r = copy(registry);
    row(r, "GPT-4.1").prices.input.usd_per_m = 2000; // $2 read as per-1K
    fails(r, history, /GPT-4\.1.*(r_in = input\/output = 250|less than or equal to 1000)/);
  });

  it("ratio out of bounds: cache read above input", () => {
    const r = copy(registry);
    row(r, "HAIKU-4.5").prices.cache_read.usd_per_m = 1.5;
    fails(r, history, /HAIKU-4\.5: cache_read 1\.5 > input 1/);
  });

  it("duplicate match id across tickers", () => {
    const r = copy(registry);
    row(r, "GPT-5.1").match.litellm.push("gpt-5");
    fails(r, history, /match id litellm:"gpt-5" is claimed by both/);
  });

  it("fewer than 45 active models", () => {
    const r = copy(registry);
    const active = r.models.filter((m: any) => m.status === "active");
    for (const m of active.slice(44)) Object.assign(m, { status: "legacy", status_reason: "test" });
    fails(r, history, /registry: 44 active models, at least 45 required/);
  });

  it("a readme model without a row", () => {
    const r = copy(registry);
    r.models = r.models.filter((m: any) => m.ticker !== "GROK-3-MINI");
    fails(r, history, /readme model xAI "Grok 3 mini" has no row/);
  });

  it("a history observation for an unknown ticker or family", () => {
    const h = copy(history);
    h.observations.push({ ...h.observations[0], ticker: "GPT-9", family: "openai-flagship" });
    fails(registry, h, /GPT-9 .*neither in the registry nor declared in a family/);
    const h2 = copy(history);
    h2.observations.push({ ...h2.observations[0], family: "openai-nonexistent" });
    fails(registry, h2, /unknown family openai-nonexistent/);
  });

  it("a registry family missing from the history", () => {
    const r = copy(registry);
    row(r, "FABLE-5").family = "anthropic-brand-new";
    fails(r, history, /FABLE-5: family anthropic-brand-new is not declared in history\.families/);
  });

  it("a price checked after the archive it was read from", () => {
    const r = copy(registry);
    row(r, "GPT-4O").prices.output.checked = "2026-07-25"; // litellm archive is 2026-07-24
    const p = row(r, "GPT-4O").prices.output;
    p.source = "litellm";
    fails(r, history, /checked 2026-07-25 is after the litellm archive date 2026-07-24/);
  });
});

describe("npm run check:data (the script)", () => {
  const script = resolve(import.meta.dirname, "check-data.ts");
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", script, ...args], {
      encoding: "utf8",
      cwd: resolve(import.meta.dirname, ".."),
    });
  it("exits 0 with a one-line summary on the committed data, non-zero on a broken copy", () => {
    const ok = run();
    expect(ok.status).toBe(0);
    expect(ok.stdout.trim().split("\n")).toHaveLength(1);
    expect(ok.stdout).toMatch(/^check:data ok — registry \d+ rows \(\d+ active, 7 providers\)/);

    const dir = mkdtempSync(join(tmpdir(), "exo-check-"));
    const r = copy(registry);
    r.models.push(copy(row(r, "O3")));
    writeFileSync(join(dir, "registry.json"), JSON.stringify(r));
    writeFileSync(join(dir, "history.json"), JSON.stringify(history));
    const bad = run(dir);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/duplicate ticker O3/);
    expect(bad.stdout).toMatch(/^check:data FAILED — \d+ violation/);
  }, 60_000);
});

describe("the bundled data against the shared reference", () => {
  it("the archives are verbatim copies", () => {
    const pairs: Array<[string, string]> = [
      ["genai-prices/data.json", "genai-prices/data.json"],
      ["litellm/model_prices_and_context_window.json", "litellm/model_prices_and_context_window.json"],
      ["llm-prices/current-v1.json", "llm-prices/current-v1.json"],
      ["llm-prices/historical-v1.json", "llm-prices/historical-v1.json"],
      ["llm-prices/data/openai.json", "llm-prices/data/openai.json"],
      ["models.dev/api.json", "models-dev/api.json"],
      ["openrouter/models.json", "openrouter/models.json"],
      ["openrouter/SOURCE", "openrouter/SOURCE"],
    ];
    for (const [shared, ours] of pairs) {
      expect(
        readFileSync(join(DATA, "archives", ours)).equals(readFileSync(join(SHARED_DIR, "reference/archives", shared))),
        ours,
      ).toBe(true);
    }
  });

  it("README_MODELS lists exactly the models named in seeds/oracle-readme.txt", () => {
    const readme = readFileSync(join(SHARED_DIR, "seeds/oracle-readme.txt"), "utf8");
    const table = readme.slice(readme.indexOf("## Models Tracked"), readme.indexOf("37 models total"));
    const named: string[] = [];
    for (const line of table.split("\n")) {
      const cells = line.split("|").map((c) => c.trim());
      if (cells.length < 4 || cells[1] === "Provider" || cells[1]!.startsWith("-")) continue;
      named.push(
        ...cells[2]!
          .replace(/\s*\+\s*\d+ legacy/, "")
          .split(",")
          .map((s) => `${cells[1]}/${s.trim()}`),
      );
    }
    expect(named).toHaveLength(34); // 37 minus Anthropic's 3 unnamed legacy models
    expect(new Set(README_MODELS.map((m) => `${m.provider}/${m.name}`))).toEqual(new Set(named));
  });

  it("every public-record event is in the history with its source and confidence, but those curation.json excludes", () => {
    const pr = JSON.parse(readFileSync(join(SHARED_DIR, "reference/history/public-record.json"), "utf8")).events;
    expect(pr).toHaveLength(77);
    const excluded = load("curation.json").entries.filter((c: any) => c.action === "exclude-history-event");
    const out = (e: any) => excluded.some((x: any) => x.model === e.model && x.effective_date === e.effective_date);
    expect(pr.filter(out).map((e: any) => `${e.model} ${e.effective_date}`)).toEqual(["deepseek-v4-flash 2026-08-17"]);
    const rows = history.observations.filter((o: any) => o.provenance === "historical:public-record");
    for (const e of pr) {
      if (out(e)) {
        expect(rows.some((o: any) => o.effective_at === e.effective_date && o.source === e.source)).toBe(false);
        continue;
      }
      const mine = rows.filter(
        (o: any) =>
          o.effective_at === e.effective_date && o.source === e.source && o.family === e.family && o.kind === e.kind,
      );
      expect(
        mine.every((o: any) => o.confidence === e.confidence),
        e.model,
      ).toBe(true);
      if (e.kind !== "tier") {
        expect(mine.find((o: any) => o.field === "output")?.value, `${e.model} ${e.effective_date}`).toBe(e.output);
        expect(mine.find((o: any) => o.field === "input")?.value).toBe(e.input);
        if (e.cached_input !== null)
          expect(mine.find((o: any) => o.field === "cache_read")?.value).toBe(e.cached_input);
      }
      if (e.tier) {
        expect(mine.find((o: any) => o.field === "tier_input")).toMatchObject({
          value: e.tier.input,
          tier_above_tokens: e.tier.above_tokens,
        });
        expect(mine.find((o: any) => o.field === "tier_output")).toMatchObject({
          value: e.tier.output,
          tier_above_tokens: e.tier.above_tokens,
        });
      }
    }
    expect(rows.filter((o: any) => o.confidence === "snapshot-only").length).toBeGreaterThan(0);
  });

  it("every registry row's current prices come from an archive dated no later than as_of", () => {
    expect(registry.as_of).toBe("2026-08-21");
    const dates = Object.fromEntries(registry.archives.map((a: any) => [a.id, a.date]));
    expect(dates).toEqual({
      "genai-prices": "2026-08-21",
      litellm: "2026-07-24",
      "llm-prices": "2026-08-05",
      "models-dev": "2026-07-02",
      openrouter: "2026-07-02",
    });
  });
});
