/** Kinds the pipeline records on publish (D1 `changes`), served by /v1/changes. */
export const CHANGE_KINDS = [
  "price_change",
  "breaker_hold",
  "breaker_release",
  "new_model",
  "status_change",
  // The living universe (issue 11): lifecycle moves, each with `detail.reason` and its evidence
  // (`detail.source`, `detail.raw_sha256`), and curation actions taken through the admin API.
  "listed",
  "promoted",
  "deprecated",
  "retired",
  "unquoted",
  "curation",
] as const;
/** Kinds a webhook can also ask for, derived from two consecutive snapshots at delivery time. */
export const DERIVED_KINDS = ["theta_shift", "family_below"] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];
export type EventKind = ChangeKind | (typeof DERIVED_KINDS)[number];

/** One published event: a price change, a breaker hold or release, a new model, a status change (or a derived one). */
export interface ChangeEvent {
  /** Row id in the changes table (the feed's cursor); null for derived events. */
  id: number | null;
  version: number;
  at: string;
  kind: EventKind;
  ticker: string | null;
  field: string | null;
  from: number | string | null;
  to: number | string | null;
  effective_at: string | null;
  detail: Record<string, unknown> | null;
}

const fmt = (v: number | string | null): string =>
  v === null ? "—" : typeof v === "number" ? String(Number(v.toPrecision(6))) : v;

/**
 * A one-line description of an event for feeds and notifications.
 * @example changeTitle({ kind: "price_change", ticker: "GPT-4.1", field: "output", from: 8, to: 6, … }) // "GPT-4.1
 *   output 8 → 6 USD/M (−25%)"
 */
export function changeTitle(
  e: Pick<ChangeEvent, "kind" | "ticker" | "field" | "from" | "to" | "detail"> & { effective_at?: string | null },
): string {
  const t = e.ticker ?? "";
  switch (e.kind) {
    case "price_change": {
      const pct =
        typeof e.from === "number" && typeof e.to === "number" && e.from > 0
          ? ` (${e.to >= e.from ? "+" : "−"}${Number(Math.abs((e.to / e.from - 1) * 100).toPrecision(3))}%)`
          : "";
      return `${t} ${e.field} ${fmt(e.from)} → ${fmt(e.to)} USD/M${pct}`;
    }
    case "breaker_hold":
      return `${t} ${e.field}: a move to ${fmt(e.to)} USD/M is held by the circuit breaker (published ${fmt(e.from)})`;
    case "breaker_release":
      return `${t} ${e.field}: breaker hold released (${String(e.detail?.outcome ?? "released")})`;
    case "new_model":
      return `New model ${t}${e.detail?.provider ? ` (${String(e.detail.provider)})` : ""}`;
    case "status_change":
      return `${t} status ${fmt(e.from)} → ${fmt(e.to)}`;
    case "listed":
      return `Listed ${t} (provisional)${e.detail?.reason ? `: ${String(e.detail.reason)}` : ""}`;
    case "promoted":
      return `${t} promoted to active${e.detail?.reason ? `: ${String(e.detail.reason)}` : ""}`;
    case "deprecated":
      return `${t} deprecated${e.effective_at ? ` (shutdown ${e.effective_at})` : ""}`;
    case "retired":
      return `${t} retired${e.effective_at ? ` on ${e.effective_at}` : ""}`;
    case "unquoted":
      return `${t} unquoted: no healthy source has quoted it since ${fmt(e.from)}`;
    case "curation":
      return `Curation: ${String(e.detail?.action ?? "change")}${t ? ` ${t}` : ""}`;
    case "theta_shift":
      return `${t} θ ${fmt(e.from)} → ${fmt(e.to)} per year`;
    case "family_below":
      return `${String(e.detail?.family ?? "")}: ${t} at ${fmt(e.to)} USD/M ${e.field} is below ${fmt((e.detail?.below as number | undefined) ?? null)}`;
  }
}
