import type { GuardRejection } from "../../oracle-core/publishing";
import { checkPriceBounds } from "../../oracle-core/publishing";
import { checkRatios } from "../../oracle-core/publishing";
import { shrinkCheck } from "../../oracle-core/publishing";
import { isRejectable, unitSuspect, type UnitSuspect } from "../../oracle-core/publishing";
import type { CollectResult } from "../sources/collect";
import { isSourceError } from "../sources/source-error";
import type { ParseResult, SourceQuote } from "../sources/types";

export interface GuardInput {
  /** Step 1: the transport record from `collect`. */
  raw: CollectResult;
  /** Step 2: what `adapter.parse` returned, or what it threw. Unused when transport failed. */
  parsed: ParseResult | unknown;
  /** Models the source listed on its last healthy run (shrink check); absent on a first run. */
  previousModelCount?: number;
  /** Last published USD/M for the slot this quote would feed, for the unit-error check; undefined when none. */
  lastPublished?: (q: SourceQuote) => number | undefined;
}

/** A quote kept but marked: a 10–100× move against the last published value (the breaker will hold it). */
export type GuardFlag = UnitSuspect & { model_id: string; field: string };

export interface GuardResult {
  source: CollectResult["source"];
  healthy: boolean;
  accepted: SourceQuote[];
  rejected: GuardRejection[];
  flagged: GuardFlag[];
  /** One line per step, in order, with codes: what /v1/sources shows. */
  reasons: string[];
  /** Models listed this run: the next run's previousModelCount when healthy. */
  model_count: number;
}

const MAX_DETAIL_LINES = 20;

/**
 * Applies SPEC §4 steps 1–4 to one source's run: transport, schema, shrink, units and bounds.
 * Whole-source failures return healthy: false and accept nothing; per-quote failures drop only that quote.
 * @example guardSource({ raw, parsed: adapter.parse(text), previousModelCount: 218 })
 */
export function guardSource(input: GuardInput): GuardResult {
  const { raw } = input;
  const reasons: string[] = [];
  const result = (
    healthy: boolean,
    accepted: SourceQuote[],
    rejected: GuardRejection[],
    flagged: GuardFlag[],
    modelCount: number,
  ): GuardResult => ({
    source: raw.source,
    healthy,
    accepted,
    rejected,
    flagged,
    reasons,
    model_count: modelCount,
  });

  // 1 transport
  if (!raw.ok) {
    reasons.push(
      `1 transport: ${raw.error?.code ?? "E_SOURCE_HTTP"}: ${raw.error?.message ?? `HTTP ${raw.status}`}; source unhealthy, no data deleted`,
    );
    return result(false, [], [], [], 0);
  }
  reasons.push(
    `1 transport: ok — HTTP ${raw.status}, ${raw.bytes.byteLength} bytes, sha256 ${raw.sha256.slice(0, 12)}…`,
  );

  // 2 schema
  if (!isParseResult(input.parsed)) {
    const p = input.parsed;
    const code = isSourceError(p) ? p.code : "E_SOURCE_SCHEMA";
    const message = p instanceof Error ? p.message : "the parser returned no result";
    reasons.push(`2 schema: ${code}: ${message}; source rejected for this run`);
    return result(false, [], [], [], 0);
  }
  const parsed = input.parsed;
  const rejected: GuardRejection[] = parsed.rejected.map((r) => ({
    model_id: r.model_id,
    field: r.field ?? "*",
    code: r.code,
    reason: r.reason,
  }));
  const format = parsed.format ? `format ${parsed.format}, ` : "";
  reasons.push(
    `2 schema: ok — ${format}${parsed.models.length} models, ${parsed.quotes.length} quotes${summary(rejected)}`,
  );

  // 3 shrink
  const shrink = shrinkCheck(parsed.models.length, input.previousModelCount);
  if (shrink) {
    reasons.push(`3 shrink: ${shrink}`);
    return result(false, [], rejected, [], parsed.models.length);
  }
  reasons.push(
    `3 shrink: ok — ${parsed.models.length} models${input.previousModelCount ? ` (previously ${input.previousModelCount})` : " (no previous count)"}`,
  );

  // 4 units and bounds
  const stepRejected: GuardRejection[] = [];
  const inBounds = parsed.quotes.filter((q) => {
    const r = checkPriceBounds(q);
    if (!r) return true;
    // A zero where a real price was published is a truncation, not a free listing: say so.
    const ref = q.usd_per_m === 0 ? input.lastPublished?.(q) : undefined;
    stepRejected.push(
      ref ? { ...r, reason: `${q.field} is 0 where the last published price is ${ref} USD/M: truncated to zero` } : r,
    );
    return false;
  });
  // The last published value is stronger evidence than the model's own ratios, so it is consulted first.
  const flags = new Map<SourceQuote, GuardFlag>();
  const plausible = inBounds.filter((q) => {
    const ref = input.lastPublished?.(q);
    const s = ref === undefined ? null : unitSuspect(q.usd_per_m, ref);
    if (!s) return true;
    const at = { model_id: q.model_id, field: q.field };
    if (isRejectable(s)) {
      stepRejected.push({ ...at, code: s.code, reason: `${q.field} ${s.reason}` });
      return false;
    }
    flags.set(q, { ...s, ...at, reason: `${q.field} ${s.reason}` });
    return true;
  });
  // The ratio rules see every priced quote, including those refused above: a sound-looking value beside a refused
  // partner is still checked against it (a refused partner takes the blame on a tie).
  const kept = new Set(plausible);
  const priced = parsed.quotes.filter((q) => Number.isFinite(q.usd_per_m) && q.usd_per_m > 0);
  const ratios = checkRatios(priced, new Set(priced.filter((q) => !kept.has(q))));
  stepRejected.push(...ratios.rejected);
  const ratioKept = new Set(ratios.kept);
  const accepted = plausible.filter((q) => ratioKept.has(q));
  const flagged = accepted.flatMap((q) => flags.get(q) ?? []);
  rejected.push(...stepRejected);
  reasons.push(`4 bounds: ${accepted.length} of ${parsed.quotes.length} quotes accepted${summary(stepRejected)}`);
  // Unit errors and implausible values first; zero-priced (free) listings are routine and go last.
  const detail = [...stepRejected, ...flagged].sort(
    (a, b) => Number(a.reason.includes("free or unpriced")) - Number(b.reason.includes("free or unpriced")),
  );
  for (const r of detail.slice(0, MAX_DETAIL_LINES))
    reasons.push(
      `4 bounds: ${r.code} ${r.model_id}: ${r.reason}${"factor" in r ? " (flagged, kept for the breaker)" : ""}`,
    );
  if (stepRejected.length + flagged.length > MAX_DETAIL_LINES)
    reasons.push(`4 bounds: … and ${stepRejected.length + flagged.length - MAX_DETAIL_LINES} more`);
  if (accepted.length === 0) {
    reasons.push("4 bounds: no quote survived; source unhealthy for this run");
    return result(false, [], rejected, flagged, parsed.models.length);
  }
  return result(true, accepted, rejected, flagged, parsed.models.length);
}

/** True when a parse outcome is a ParseResult (not a thrown error). */
export function isParseResult(p: unknown): p is ParseResult {
  return (
    typeof p === "object" &&
    p !== null &&
    Array.isArray((p as ParseResult).quotes) &&
    Array.isArray((p as ParseResult).models) &&
    Array.isArray((p as ParseResult).rejected)
  );
}

/** ", 3 rejected (E_PRICE_BOUNDS×2, E_RATIO_BOUNDS×1)" or "". */
function summary(rejected: GuardRejection[]): string {
  if (rejected.length === 0) return "";
  const counts = new Map<string, number>();
  for (const r of rejected) counts.set(r.code, (counts.get(r.code) ?? 0) + 1);
  return `, ${rejected.length} rejected (${[...counts].map(([c, n]) => `${c}×${n}`).join(", ")})`;
}
