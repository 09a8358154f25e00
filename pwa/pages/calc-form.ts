import type { TaskRequest } from "../../oracle-core/greeks/price-task";
import type { GreekRow } from "../../oracle-core/schemas/greek-row";
import { check, type Checked } from "../app/fields";
import { tokens } from "../app/format";

/** The calculator's fields as typed (strings, so an invalid entry is kept and shown, never lost). */
export interface CalcForm {
  ticker: string;
  prompt: string;
  n_in: string;
  n_out: string;
  n_think: string;
  eta: string;
  omega: string;
  cache_ttl: "5m" | "1h";
  mode: "sync" | "batch";
  horizon: "spot" | "1M" | "3M" | "6M" | "12M";
}

export const HORIZONS = ["spot", "1M", "3M", "6M", "12M"] as const;

/** The RAG reference profile on spot, sync. */
export const DEFAULT_FORM: Readonly<CalcForm> = { ticker: "", prompt: "", n_in: "30000", n_out: "800", n_think: "0", eta: "60", omega: "0", cache_ttl: "5m", mode: "sync", horizon: "spot" };

/** Each field checked (with its message), and the request when every field is valid. */
export function checkCalc(form: CalcForm, row: GreekRow | undefined): { fields: Record<"n_in" | "n_out" | "n_think" | "eta" | "omega", Checked>; req: TaskRequest | null } {
  const max = row?.max_output ?? 1;
  const n_in = check.tokens(form.n_in, "Input tokens n_in");
  const n_out = check.tokens(form.n_out, "Output tokens n_out");
  if (!n_out.error && n_out.value > max) n_out.error = `${row?.display_name ?? "This model"} answers at most ${tokens(max)} tokens (E_MAX_TOKENS)`;
  const n_think = check.tokens(form.n_think, "Thinking tokens n_think");
  const eta = check.percent(form.eta, "Cache hit rate η");
  const omega = check.percent(form.omega, "Cache write share ω", "E_CACHE_FRACTIONS");
  if (!eta.error && !omega.error && eta.value + omega.value > 1 + 1e-12) omega.error = "η + ω cannot exceed 100%: a prompt token is read from cache, written to it, or neither (E_CACHE_FRACTIONS)";
  const fields = { n_in, n_out, n_think: row?.reasoning ? n_think : { value: 0, error: null }, eta, omega };
  const valid = row !== undefined && Object.values(fields).every((f) => !f.error);
  const req: TaskRequest | null = valid
    ? { n_in: n_in.value, n_out: n_out.value, n_think: fields.n_think.value, eta: eta.value, omega: omega.value, cache_ttl: form.cache_ttl, mode: form.mode, horizon: form.horizon }
    : null;
  return { fields, req };
}

/** Slider position 0…1000 ↔ n_out 1…max on a log scale (so 100 and 100,000 are both reachable). */
export const SLIDER = 1000;
export const sliderPos = (n: number, max: number) => Math.round((Math.log(Math.max(1, n)) / Math.log(Math.max(2, max))) * SLIDER);
export const sliderTokens = (p: number, max: number) => Math.max(1, Math.min(max, Math.round(Math.exp((p / SLIDER) * Math.log(Math.max(2, max))))));
