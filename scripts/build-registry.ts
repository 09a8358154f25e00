// Builds data/registry.json from the bundled archives (data/archives/, read by the feed's adapters) and the
// hand-written table (build-registry-table.ts) with data/curation.json's lifecycle changes, preferred sources,
// composite constituents and families (build-registry-curated.ts).
// Run: `npx tsx scripts/build-registry.ts`. The committed JSON is the product; this script documents how every
// number in it was read and chosen (scripts/build-data.test.ts proves the committed file is what it builds).
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { MAX_INPUT_OVER_OUTPUT } from "../oracle-core/publishing";
import { tidyPrice } from "../oracle-core/publishing";
import { lowerMedian, RegistryFileSchema } from "../oracle-core/schemas";
import type { Disagreement, PricePoint, RegistryEntry, RegistryFile } from "../oracle-core/schemas";
import type { SourceId, Tier } from "../oracle-core/schemas";
import { SHARED_DIR } from "../harness/shared-path";
import {
  AS_OF,
  ARCHIVES,
  DATA_DIR,
  archiveRefs,
  loadArchives,
  pricesAt,
  type FieldPrices,
  type Quote,
} from "./archive-quotes";
import { choose, same, PRIORITY, type Vote } from "./build-registry-choose";
import { DEFAULT_TOKENIZER, type TableRow } from "./build-registry-table";
import { curatedTable, type CuratedRow } from "./build-registry-curated";

type PriceField = "output" | "input" | "cache_read" | "cache_write_5m" | "cache_write_1h" | "thinking";
interface PrEvent {
  model: string;
  effective_date: string;
  kind: string;
  input: number;
  output: number;
  cached_input: number | null;
  confidence: string;
}

const archives = loadArchives();
const pr = JSON.parse(readFileSync(resolve(SHARED_DIR, "reference/history/public-record.json"), "utf8"))
  .events as PrEvent[];
const quote = (s: SourceId, id: string): Quote => {
  const q = archives.get(s)?.get(id);
  if (!q) throw new Error(`${s} has no id ${JSON.stringify(id)}`);
  return q;
};
const pp = (v: Vote): PricePoint => ({
  usd_per_m: v.value,
  source: v.source,
  url: v.quote.url,
  checked: v.quote.checked,
});
const ratio = (a: number, b: number) => tidyPrice(a / b);
/** Composite hosts' median: the lower middle host for an even count (the README's rule, and reconcile's). */
const median = lowerMedian;

/** One quote per source: the primary (first-listed) id. */
function primaries(row: TableRow): Quote[] {
  const out: Quote[] = [];
  for (const [s, ids] of Object.entries(row.match ?? {}) as [SourceId, string[]][]) {
    ids.forEach((id) => quote(s, id)); // every listed id must exist
    out.push(quote(s, ids[0]!));
  }
  return out.sort((a, b) => PRIORITY.indexOf(a.source) - PRIORITY.indexOf(b.source));
}

function chooseField(
  row: TableRow,
  qs: Quote[],
  f: PriceField,
  base: { input?: number; output?: number },
  dis: Disagreement[],
): PricePoint | undefined {
  const votes: Vote[] = [];
  for (const q of qs) {
    const v = pricesAt(q, AS_OF)[f];
    if (v !== undefined) votes.push({ source: q.source, value: v, quote: q });
  }
  const plausible = (v: number): string | undefined => {
    const inp = base.input;
    const out = base.output;
    if (f === "input" && out !== undefined && v / out > MAX_INPUT_OVER_OUTPUT) return `input ${v / out}× output`;
    if (f === "cache_read" && inp !== undefined && v > inp) return `above the input price $${inp}`;
    if ((f === "cache_write_5m" || f === "cache_write_1h") && inp !== undefined && (v / inp < 1 || v / inp > 4))
      return `${ratio(v, inp)}× input, outside [1, 4]`;
    if (f === "thinking" && out !== undefined && v / out > 10) return `${v / out}× output`;
    return undefined;
  };
  const c = choose(f, votes, { prefer: row.prefer, plausible, read: (p) => p[f] });
  if (c?.disagreement) dis.push(c.disagreement);
  return c && pp(c.vote);
}

function chooseTiers(
  row: TableRow,
  qs: Quote[],
  inp: number,
  out: number,
  ctx: number,
  dis: Disagreement[],
  notes: string[],
): Tier[] {
  const now = qs.map((q) => ({ q, tiers: pricesAt(q, AS_OF).tiers ?? [] }));
  const past = qs
    .filter((q) => q.segments.length > 1)
    .flatMap((q) => q.segments.flatMap((s) => (s.prices.tiers ?? []).map((t) => t.above)));
  const taus = [...new Set([...now.flatMap((x) => x.tiers.map((t) => t.above)), ...past])].sort((a, b) => a - b);
  const tiers: Tier[] = [];
  for (const tau of taus) {
    const removedBy = qs.find(
      (q) =>
        q.segments.length > 1 &&
        q.segments.some((s) => s.prices.tiers?.some((t) => t.above === tau)) &&
        !(pricesAt(q, AS_OF).tiers ?? []).some((t) => t.above === tau),
    );
    if (removedBy) {
      notes.push(
        `tier above ${tau} tokens dropped: ${removedBy.source} shows it removed (flat pricing from ${removedBy.segments.at(-1)!.from})`,
      );
      continue;
    }
    if (tau >= ctx) continue;
    const pick = (k: "input" | "output" | "cache_read", b: number) => {
      const votes: Vote[] = [];
      for (const { q, tiers: ts } of now) {
        const v = ts.find((t) => t.above === tau)?.[k];
        if (v !== undefined) votes.push({ source: q.source, value: v, quote: q });
      }
      const plausible = (v: number) =>
        k !== "cache_read" && (v / b < 1 || v / b > 4)
          ? `α = ${ratio(v, b)} outside [1, 4]`
          : k === "cache_read" && v > b
            ? "above the tier input price"
            : undefined;
      const c = choose(`tiers[${tau}].${k}`, votes, {
        prefer: row.prefer,
        plausible,
        read: (p) => p.tiers?.find((t) => t.above === tau)?.[k],
      });
      if (c?.disagreement) dis.push(c.disagreement);
      return c?.vote;
    };
    const ti = pick("input", inp);
    const to = pick("output", out);
    if (!ti || !to) continue;
    const tc = pick("cache_read", ti.value);
    tiers.push({
      above_tokens: tau,
      input: ti.value,
      output: to.value,
      ...(tc ? { cache_read: tc.value } : {}),
      source: ti.source,
      url: ti.quote.url,
      checked: ti.quote.checked,
    });
  }
  return tiers;
}

function prDisagreements(row: TableRow, prices: RegistryEntry["prices"], dis: Disagreement[]): void {
  const evs = pr
    .filter((e) => row.pr?.includes(e.model) && e.effective_date <= AS_OF && e.kind !== "tier")
    .sort((a, b) => a.effective_date.localeCompare(b.effective_date));
  const last = evs.at(-1);
  if (!last) return;
  const fields: Array<[PriceField, number | null]> = [
    ["output", last.output],
    ["input", last.input],
    ["cache_read", last.cached_input],
  ];
  for (const [f, v] of fields) {
    const cur = prices[f];
    if (
      v === null ||
      !cur ||
      same(v, cur.usd_per_m) ||
      dis.some((d) => d.field === f && d.values.some((x) => x.source === "public-record"))
    )
      continue;
    const prior = dis.find((d) => d.field === f);
    dis.push({
      field: f,
      values: [
        { source: "public-record", usd_per_m: v },
        ...(prior ? prior.values : [{ source: cur.source, usd_per_m: cur.usd_per_m }]),
      ],
      chosen_usd_per_m: cur.usd_per_m,
      reason: `the public record's latest event (${last.effective_date} ${last.kind}, ${last.confidence}) gives $${v}; the archives (${cur.source} ${cur.checked}${cur.checked > last.effective_date ? ", after that event" : ""}) show $${cur.usd_per_m}. The registry follows the archives; the history keeps the event.`,
    });
    if (prior) dis.splice(dis.indexOf(prior), 1);
  }
}

function releaseDate(row: TableRow, qs: Quote[], notes: string[]): string {
  if (row.release) {
    notes.push(`release_date: ${row.release.basis}`);
    return row.release.date;
  }
  const launches = pr
    .filter((e) => row.pr?.includes(e.model) && e.kind === "launch")
    .sort((a, b) => a.effective_date.localeCompare(b.effective_date));
  if (launches[0]?.confidence === "public-record") return launches[0].effective_date;
  const md =
    qs.find((q) => q.source === "models-dev")?.releaseDate ?? qs.find((q) => q.source === "openrouter")?.releaseDate;
  if (md) return md;
  if (launches[0]) return launches[0].effective_date;
  throw new Error(`${row.ticker}: no release date in any source; add one to the table`);
}

/** A dated snapshot id: `-0613`, `-20250514`, `-2024-04-09`, `-0125-preview`. */
const DATED = /-(\d{4}|\d{8}|\d{4}-\d{2}-\d{2})(-preview)?$/;

/**
 * An undated primary id is an alias that serves one of the model's dated snapshots: when a source lists dated
 * snapshots for the ticker and says every one of them is no longer offered, the model is no longer offered either
 * (GPT-4: LiteLLM deprecates gpt-4-0613 on 2025-06-06 and gpt-4-0314 on 2026-03-26; its `gpt-4` key has no date).
 */
function snapshotsRetired(row: TableRow): string[] {
  for (const [s, ids] of Object.entries(row.match ?? {}) as [SourceId, string[]][]) {
    if (DATED.test(ids[0]!)) continue;
    const dated = ids.filter((id) => DATED.test(id)).map((id) => quote(s, id));
    if (dated.length && dated.every((q) => q.retired)) {
      return [`every dated snapshot is no longer offered: ${dated.map((q) => `${q.retired} (${q.id})`).join(", ")}`];
    }
  }
  return [];
}

/** Non-primary ids an archive says are no longer offered (GPT-4-TURBO's previews), for the row's notes. */
function aliasesRetired(row: TableRow): string[] {
  return (Object.entries(row.match ?? {}) as [SourceId, string[]][]).flatMap(([s, ids]) =>
    ids.slice(1).flatMap((id) => {
      const q = quote(s, id);
      return q.retired ? [`${s}:${id} (${q.retired})`] : [];
    }),
  );
}

function buildEntry(row: CuratedRow): RegistryEntry {
  const notes: string[] = [...(row.notes ?? [])];
  const dis: Disagreement[] = [];
  const qs = row.composite ? [] : primaries(row);
  let prices: RegistryEntry["prices"];
  let composite: RegistryEntry["composite"];
  let match = row.match ?? {};
  if (row.composite) {
    const cons = row.composite.map(({ host, candidates }) => {
      const [first, ...rest] = candidates.map((c) => quote(c.source, c.id));
      const p = pricesAt(first!, AS_OF);
      for (const q of rest) {
        const r = pricesAt(q, AS_OF);
        for (const k of ["input", "output"] as const) {
          if (r[k] !== undefined && !same(r[k]!, p[k]!))
            dis.push({
              field: `composite.${host}.${k}`,
              values: [
                { source: `${first!.source}:${first!.id}`, usd_per_m: p[k]! },
                { source: `${q.source}:${q.id}`, usd_per_m: r[k]! },
              ],
              chosen_usd_per_m: p[k]!,
              reason: `the host's own listing (${first!.id}) is used; a router or second archive lists another price`,
            });
        }
      }
      return {
        host,
        input: p.input!,
        output: p.output!,
        source: first!.source,
        url: first!.url,
        checked: first!.checked,
      };
    });
    composite = { method: "median", constituents: cons };
    const checked = cons
      .map((c) => c.checked)
      .sort()
      .at(-1)!;
    const url = ARCHIVES[0]!.upstream;
    prices = {
      output: { usd_per_m: median(cons.map((c) => c.output)), source: "composite-median", url, checked },
      input: { usd_per_m: median(cons.map((c) => c.input)), source: "composite-median", url, checked },
    };
    match = {};
    for (const { candidates } of row.composite) for (const c of candidates) (match[c.source] ??= []).push(c.id);
  } else {
    const output = chooseField(row, qs, "output", {}, dis);
    const input = chooseField(row, qs, "input", { output: output?.usd_per_m }, dis);
    if (!output || !input) throw new Error(`${row.ticker}: no input/output price in any archive`);
    const base = { input: input.usd_per_m, output: output.usd_per_m };
    prices = { output, input };
    for (const f of ["cache_read", "cache_write_5m", "cache_write_1h", "thinking"] as const) {
      const v = chooseField(row, qs, f, base, dis);
      if (v) prices[f] = v;
    }
  }
  // Metadata: the preferred source first, then models.dev, OpenRouter, genai-prices, LiteLLM (its max_input_tokens is
  // an input limit).
  const order = (o: SourceId[]): SourceId[] =>
    row.prefer ? [row.prefer.source, ...o.filter((s) => s !== row.prefer!.source)] : o;
  const meta = (k: "context" | "maxOutput", o: SourceId[]) =>
    order(o)
      .map((s) => qs.find((q) => q.source === s)?.[k])
      .find((x) => x !== undefined);
  let context_window = row.meta?.context ?? meta("context", ["models-dev", "openrouter", "genai-prices", "litellm"]);
  if (!context_window) throw new Error(`${row.ticker}: no context window`);
  // A source listing a context tier at or above that window means the long-context option exists: take the largest
  // window listed.
  const tierTop = Math.max(0, ...qs.flatMap((q) => (pricesAt(q, AS_OF).tiers ?? []).map((t) => t.above)));
  if (tierTop >= context_window && !row.meta) {
    const widest = Math.max(...qs.map((q) => q.context ?? 0));
    if (widest > tierTop) {
      notes.push(
        `context_window: ${widest} (the widest an archive lists; others list ${context_window}) because sources price a tier above ${tierTop} tokens`,
      );
      context_window = widest;
    }
  }
  let max_output = row.meta?.max_output ?? meta("maxOutput", ["models-dev", "litellm", "openrouter"]);
  if (!max_output) {
    max_output = context_window;
    notes.push("max_output: no archive publishes it; set to the context window (an upper bound)");
  }
  if (row.meta) notes.push(`context_window, max_output, reasoning: ${row.meta.basis}`);
  const reasoning =
    row.meta?.reasoning ??
    order(["models-dev", "litellm", "openrouter"])
      .map((s) => qs.find((q) => q.source === s)?.reasoning)
      .find((x) => x !== undefined) ??
    row.reasoning;
  if (reasoning === undefined)
    throw new Error(`${row.ticker}: no source says whether it reasons; set 'reasoning' in the table`);
  if (row.reasoning !== undefined && !row.meta)
    notes.push(`reasoning: ${row.reasoning} — ${row.reasoningBasis ?? "table"}`);
  const tiers = row.composite
    ? []
    : chooseTiers(row, qs, prices.input.usd_per_m, prices.output.usd_per_m, context_window, dis, notes);

  // Batch: stated by a source → that ratio; DeepSeek, xAI and composites → null; others → absent (MATH default 0.5).
  let batch_ratio: RegistryEntry["batch_ratio"];
  const bv: Vote[] = qs
    .filter((q) => q.batch !== undefined)
    .map((q) => ({ source: q.source, value: q.batch!, quote: q }));
  const bc = choose("batch_ratio", bv, { read: () => undefined });
  if (bc)
    batch_ratio = {
      value: bc.vote.value,
      source: bc.vote.source,
      url: bc.vote.quote.url,
      checked: bc.vote.quote.checked,
    };
  else if (row.provider === "deepseek" || row.provider === "xai" || row.provider === "meta") batch_ratio = null;

  // Scheduled future prices from dated sources (highest-priority source per date).
  const scheduled: RegistryEntry["scheduled"] = [];
  const intro = qs.some((q) => /introductory|promotional/i.test(q.comment ?? ""));
  for (const q of qs) {
    for (const s of q.segments) {
      if (!s.from || s.from <= AS_OF || scheduled.some((x) => x.effective_date === s.from)) continue;
      const p: FieldPrices = s.prices;
      if (p.input === undefined || p.output === undefined) continue;
      scheduled.push({
        effective_date: s.from,
        input: p.input,
        output: p.output,
        ...(p.cache_read !== undefined ? { cache_read: p.cache_read } : {}),
        kind: intro ? "promo-end" : "scheduled",
        source: q.source,
        url: q.url,
        checked: q.checked,
      });
    }
  }
  scheduled.sort((a, b) => a.effective_date.localeCompare(b.effective_date));

  const windows: RegistryEntry["windows"] = [];
  for (const q of qs) {
    if (!q.window) continue;
    const std = pricesAt(q, AS_OF);
    const off = q.window.offpeak;
    windows.push({
      name: "off-peak",
      start_utc: q.window.start_utc,
      end_utc: q.window.end_utc,
      input_mult: ratio(off.input!, std.input!),
      output_mult: ratio(off.output!, std.output!),
      ...(off.cache_read && std.cache_read ? { cache_read_mult: ratio(off.cache_read, std.cache_read) } : {}),
      note: "DeepSeek's off-peak discount as genai-prices encodes it; the public record says DeepSeek cancelled off-peak pricing on 2025-09-05",
      source: q.source,
      url: q.url,
      checked: q.checked,
    });
  }

  if (row.pr) prDisagreements(row, prices, dis);
  const retired = qs.filter((q) => q.retired).map((q) => `${q.retired} (${q.id})`);
  if (!retired.length && !row.composite) retired.push(...snapshotsRetired(row));
  for (const a of aliasesRetired(row)) notes.push(`alias ${a} is no longer offered`);
  const status = row.legacy || retired.length ? "legacy" : "active";
  const sourcesListing = new Set(
    row.composite ? row.composite.flatMap((h) => h.candidates.map((c) => c.source)) : qs.map((q) => q.source),
  );
  const entry: RegistryEntry = {
    ticker: row.ticker,
    display_name: row.display_name,
    ...(row.label ? { label: row.label } : {}),
    provider: row.provider,
    family: row.family,
    status,
    ...(status === "legacy" ? { status_reason: row.legacy ?? `no longer offered: ${retired.join("; ")}` } : {}),
    release_date: releaseDate(row, qs, notes),
    context_window,
    max_output,
    reasoning,
    tokenizer: row.tokenizer ?? DEFAULT_TOKENIZER[row.provider],
    match,
    index_weight_proxy: status === "active" ? sourcesListing.size : 0,
    prices,
    ...(batch_ratio !== undefined ? { batch_ratio } : {}),
    tiers,
    windows,
    scheduled,
    ...(composite ? { composite } : {}),
    disagreements: dis,
    ...(notes.length ? { notes } : {}),
  };
  return entry;
}

const CONVENTIONS: Record<string, string> = {
  units: "USD per 1M tokens; sync; base (lowest) context tier. β = prices.output.",
  as_of: `${AS_OF}: the newest archive date. Prices are the ones in force on that date; later dated prices are in 'scheduled'.`,
  match:
    "Ids each source uses. genai-prices and models-dev ids are '<provider>:<model id>' (their files are keyed by provider); litellm, llm-prices and openrouter ids are their own keys. The first id per source is the primary one (prices, metadata, status); the rest are aliases or dated snapshots. llm-prices '<id>-<n>k' rows are folded into <id> as the tier above n·1000 tokens. provider-page ids are not filled yet (no provider page is bundled).",
  selection:
    "Per field: values a source shows at as_of; values that are implausible (cache read above input, cache write outside 1–4× input, input above 2× output, tier α outside 1–4) are set aside, as are values that equal another dated segment of a source carrying a price schedule (stale or pre-announced prices). Then a row's stated preferred source if any, else the majority (values within 0.5 % agree), else source priority genai-prices > litellm > models-dev > llm-prices > openrouter (genai-prices is curated from provider pages, dated, and the newest). Every case where sources differ is listed in 'disagreements' with the values and the reason.",
  checked:
    "The commit date of the archive the value was read from: genai-prices 2026-08-21, llm-prices 2026-08-05, litellm 2026-07-24, models-dev and openrouter 2026-07-02. url is the upstream file at that commit.",
  status:
    "legacy when the row states why (status_reason), or when an archive says the primary id is no longer offered on or before as_of: a LiteLLM deprecation_date, an OpenRouter expiration_date, models.dev status 'deprecated', genai-prices 'deprecated'; or, for an undated primary id (an alias), when a source lists dated snapshots of the model and every one is no longer offered (GPT-4). Otherwise active. Aliases no longer offered are named in notes.",
  release_date:
    "The public record's launch date (confidence public-record) when there is one; else models.dev release_date; else OpenRouter's created date; else the public record's snapshot-only launch; rows with none state an upper bound (the first archive that lists the model) in notes.",
  batch_ratio:
    "An object when a source states the batch price (LiteLLM *_batches fields, genai-prices price comments). Absent: the provider has a batch API but no archive states the ratio; use MATH §1's default 0.5 (Anthropic, OpenAI, Google, Mistral all sell batch at 50 %). null: no batch price — DeepSeek has no batch API; no archive states an xAI batch price; composites are priced at hosts' sync rates.",
  cache_write:
    "cache_write_5m is the standard (5-minute TTL) cache-write price; cache_write_1h the 1-hour TTL price (Anthropic). Absent means no write premium is published (MATH §1 m_w = 1 for providers without one).",
  tiers:
    "Whole-request context tiers (MATH §1): above_tokens is the threshold τ; prices apply to the whole request when the prompt exceeds τ.",
  windows:
    "Time-of-day windows only where a source gives one (genai-prices' DeepSeek off-peak encoding); multipliers are relative to the base prices.",
  scheduled:
    "Future prices from dated sources (genai-prices start_date constraints, llm-prices from_date). kind promo-end when the source calls the current price introductory.",
  composite:
    "Meta/Llama rows are composites: the median, per field, of the hosts listed in the archives (one listing per host; a host's own listing wins over a router's), the lower middle host for an even count, so every composite price is one a host quotes. Constituents are listed; prices.*.source is 'composite-median'.",
  index_weight_proxy:
    "A PROXY, not usage data: the number of the five archives that list the model (for composites, that list any constituent); 0 for legacy rows. No archive carries usage volumes; replace with a real usage share (e.g. a router's 30-day token share) when one is available.",
  tokenizer:
    "o200k_base for OpenAI models from GPT-4o on, cl100k_base for GPT-4/GPT-4 Turbo/GPT-3.5; the published vocabulary where one exists: llama3 (Llama 3.x), tekken (Mistral), deepseek-v3 (DeepSeek), gemma3 (Gemini, reported to share Gemma 3's vocabulary); vendors with no public tokenizer (Anthropic, xAI, Llama 4): estimate:<provider tokenizer name>.",
  history_only:
    "Public-record models retired before the archives' time and without complete metadata in any archive (GPT-4-32K, GEMINI-1.5-PRO, GEMINI-1.5-FLASH, GROK-BETA, GROK-2, MISTRAL-LARGE-1, DEEPSEEK-V3.1) are tickers in data/history.json only, declared in its families.",
};

/** The registry as the archives and the table make it, checked against its schema. */
export function buildRegistry(): RegistryFile {
  const file: RegistryFile = {
    description:
      "Exostream bundled registry: one entry per ticker, every price with the source and URL it was read from and " +
      "the date checked. Generated by scripts/build-registry.ts from data/archives/ and scripts/build-registry-table.ts.",
    as_of: AS_OF,
    archives: archiveRefs(),
    conventions: CONVENTIONS,
    models: curatedTable().map(buildEntry),
  };
  const parsed = RegistryFileSchema.safeParse(file);
  if (!parsed.success) {
    throw new Error(`registry does not match its schema: ${JSON.stringify(parsed.error.issues.slice(0, 20))}`);
  }
  return file;
}

/** The bytes of data/registry.json for a registry. */
export const registryText = (file: RegistryFile): string => JSON.stringify(file, null, 2) + "\n";

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const file = buildRegistry();
  writeFileSync(resolve(DATA_DIR, "registry.json"), registryText(file));
  const active = file.models.filter((m) => m.status === "active");
  const disagreements = file.models.reduce((n, m) => n + m.disagreements.length, 0);
  console.log(`registry: ${file.models.length} rows, ${active.length} active, ${disagreements} disagreements`);
}
