/** Build-time validation of the bundled registry and history: schemas plus cross-file checks. */
import { HistoryFileSchema } from "../schemas/observation";
import { PROVIDERS, RegistryFileSchema } from "../schemas/registry";
import { README_MODELS } from "./readme-models";

/** Minimum coverage (SPEC §3.1). */
export const COVERAGE = Object.freeze({ minActive: 45, providers: PROVIDERS });

export interface DataCheckResult {
  ok: boolean;
  violations: string[];
  summary: string;
}

type Issue = { path: PropertyKey[]; message: string };
const rec = (x: unknown): Record<string, any> =>
  x !== null && typeof x === "object" ? (x as Record<string, any>) : {};
const arr = (x: unknown): any[] => (Array.isArray(x) ? x : []);

function describe(file: string, root: unknown, i: Issue): string {
  // Name the ticker of a models[n] / observations[n] path so the message is actionable.
  const [head, idx] = i.path;
  const row = typeof idx === "number" ? rec(rec(root)[String(head)])[idx] : undefined;
  const who = row && typeof rec(row).ticker === "string" ? ` (${rec(row).ticker})` : "";
  return `${file}: ${i.path.map(String).join(".")}${who}: ${i.message}`;
}

/**
 * Validates both files with their zod schemas, then checks what no single schema can: unique tickers and
 * match ids, known providers, a source and URL on every price, coverage (≥ 45 active, all 7 providers),
 * every readme model present, and that history tickers and families exist and agree with the registry.
 */
export function checkData(registry: unknown, history: unknown): DataCheckResult {
  const v: string[] = [];
  const reg = RegistryFileSchema.safeParse(registry);
  if (!reg.success) for (const i of reg.error.issues) v.push(describe("registry", registry, i));
  const his = HistoryFileSchema.safeParse(history);
  if (!his.success) for (const i of his.error.issues) v.push(describe("history", history, i));

  // Cross-checks run on the raw data, so that they report even when a schema already failed.
  const models = arr(rec(registry).models).map(rec);
  const tickers = new Map<string, Record<string, any>>();
  const matchIds = new Map<string, string>();
  for (const m of models) {
    const t = String(m.ticker);
    if (tickers.has(t)) v.push(`registry: duplicate ticker ${t}`);
    tickers.set(t, m);
    if (!(PROVIDERS as readonly string[]).includes(m.provider))
      v.push(
        `registry: ${t}: unknown provider ${JSON.stringify(m.provider)} (expected one of ${PROVIDERS.join(", ")})`,
      );
    for (const [k, p] of Object.entries(rec(m.prices))) {
      const pp = rec(p);
      if (!pp.source || !pp.url) v.push(`registry: ${t}: prices.${k} is missing its source or url`);
    }
    for (const [src, ids] of Object.entries(rec(m.match))) {
      for (const id of arr(ids)) {
        const key = `${src} ${id}`;
        const other = matchIds.get(key);
        if (other !== undefined && other !== t)
          v.push(`registry: match id ${src}:${JSON.stringify(id)} is claimed by both ${other} and ${t}`);
        matchIds.set(key, t);
      }
    }
  }
  const active = models.filter((m) => m.status === "active");
  if (active.length < COVERAGE.minActive)
    v.push(`registry: ${active.length} active models, at least ${COVERAGE.minActive} required`);
  const activeProviders = new Set(active.map((m) => m.provider));
  for (const p of PROVIDERS) if (!activeProviders.has(p)) v.push(`registry: no active model from provider ${p}`);
  for (const r of README_MODELS)
    if (!tickers.has(r.ticker)) v.push(`registry: readme model ${r.provider} "${r.name}" has no row (${r.ticker})`);

  const families = rec(rec(history).families);
  const familyTickers = new Map<string, string>(); // ticker → family, from tickers_in_order
  for (const [f, fam] of Object.entries(families)) {
    for (const t of arr(rec(fam).tickers_in_order)) {
      if (familyTickers.has(t)) v.push(`history: ticker ${t} is listed in families ${familyTickers.get(t)} and ${f}`);
      familyTickers.set(t, f);
      const m = tickers.get(t);
      if (m && m.family !== f) v.push(`history: ${t} is in family ${f} but the registry says ${m.family}`);
      if (m && m.provider !== rec(fam).provider)
        v.push(`history: family ${f} is ${rec(fam).provider} but ${t} is ${m.provider}`);
    }
  }
  for (const m of models) {
    if (!(m.family in families))
      v.push(`registry: ${m.ticker}: family ${m.family} is not declared in history.families`);
    else if (!familyTickers.has(m.ticker))
      v.push(`history: ${m.ticker} is missing from families.${m.family}.tickers_in_order`);
  }
  const obs = arr(rec(history).observations).map(rec);
  const seen = new Set<string>();
  for (const o of obs) {
    const where = `history: observation ${o.ticker} ${o.field} ${o.effective_at}`;
    if (!(o.family in families)) v.push(`${where}: unknown family ${o.family}`);
    if (!tickers.has(o.ticker) && !familyTickers.has(o.ticker))
      v.push(`${where}: ticker is neither in the registry nor declared in a family`);
    else if (familyTickers.get(o.ticker) !== o.family)
      v.push(`${where}: family ${o.family} but the ticker belongs to ${familyTickers.get(o.ticker)}`);
    seen.add(o.ticker);
  }
  for (const t of familyTickers.keys())
    if (!tickers.has(t) && !seen.has(t))
      v.push(`history: ${t} is declared in a family but has no observation and no registry row`);

  const ok = v.length === 0;
  const summary = ok
    ? `check:data ok — registry ${models.length} rows (${active.length} active, ${activeProviders.size} providers), history ${obs.length} observations in ${Object.keys(families).length} families`
    : `check:data FAILED — ${v.length} violation${v.length === 1 ? "" : "s"}`;
  return { ok, violations: v, summary };
}
