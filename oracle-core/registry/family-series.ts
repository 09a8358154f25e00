/** MATH.md §5.2 input for θ: a family's successor chain as {date, price, kind} points. */
import type { HistoryObservation, ObservationField } from "../schemas/observation";

/** One point of a family series (MATH §5.2 `{date, price, kind}`), with the ticker it came from. */
export interface FamilyPoint {
  date: string;
  price: number;
  kind: "launch" | "change" | "successor";
  ticker: string;
}

/**
 * The family's price chain on effective dates: the first observation is the launch; a model joining the
 * chain is a successor; a repricing of the model at the head of the chain is a change. Tier observations
 * are left out; so is anything effective after `asOf`, and repricings of a model already superseded
 * (the family's price is its newest model's price).
 * @example familySeries(history, "openai-flagship").slice(0, 5) // 60 → 30 → 15 → 10 → 8 (MATH §5.5)
 */
export function familySeries(
  history: { observations: readonly HistoryObservation[] },
  family: string,
  opts: { field?: ObservationField; asOf?: string } = {},
): FamilyPoint[] {
  const field = opts.field ?? "output";
  const obs = history.observations
    .map((o, i) => ({ o, i }))
    .filter(
      ({ o }) =>
        o.family === family &&
        o.field === field &&
        o.kind !== "tier" &&
        (opts.asOf === undefined || o.effective_at <= opts.asOf),
    )
    .sort((a, b) => a.o.effective_at.localeCompare(b.o.effective_at) || a.i - b.i);
  const out: FamilyPoint[] = [];
  const seen = new Set<string>();
  let head: string | undefined;
  for (const { o } of obs) {
    let kind: FamilyPoint["kind"];
    if (head === undefined) kind = "launch";
    else if (o.ticker === head) kind = "change";
    else if (!seen.has(o.ticker)) kind = "successor";
    else continue; // a superseded model repriced: not the family's price
    seen.add(o.ticker);
    head = o.ticker;
    out.push({ date: o.effective_at, price: o.value, kind, ticker: o.ticker });
  }
  return out;
}
