/** MATH.md §8.3 two-level capping: provider cap C_p* = min(C_p, k_p·c_m), then model cap c_m within provider. */
import { OracleError } from "../errors";
import { cappedWeights } from "./capped-weights";
import { DEFAULTS } from "./defaults";
import { num } from "./validate";

/** Input of {@link indexWeights}. */
export interface IndexWeightsInput {
  usage: Record<string, number>;
  provider_of: Record<string, string>;
  model_cap?: number | null;
  provider_cap?: number | null;
}

/** Output of {@link indexWeights}. */
export interface IndexWeightsResult {
  weights: Record<string, number>;
  provider_weights: Record<string, number>;
}

/** Capped usage weights: every weight ≤ c_m and every provider total ≤ C_p. */
export function indexWeights(input: IndexWeightsInput): IndexWeightsResult {
  const cm = input.model_cap == null ? DEFAULTS.model_cap : num("model_cap", input.model_cap);
  const cp = input.provider_cap == null ? DEFAULTS.provider_cap : num("provider_cap", input.provider_cap);
  if (cm < 0) throw new OracleError("E_NEG_RATIO", `model_cap must be >= 0, got ${cm}`, "model_cap");
  if (cp < 0) throw new OracleError("E_NEG_RATIO", `provider_cap must be >= 0, got ${cp}`, "provider_cap");
  const usage = input.usage;
  const provs = new Map<string, string[]>();
  for (const i of Object.keys(usage)) {
    const u = num(`usage.${i}`, usage[i]);
    if (u < 0) throw new OracleError("E_NEG_USAGE", `usage must be >= 0, got ${u} for ${i}`, `usage.${i}`);
    const p = input.provider_of?.[i];
    if (typeof p !== "string") throw new OracleError("E_UNKNOWN_ID", `no provider given for ${i}`, `provider_of.${i}`);
    const members = provs.get(p);
    if (members) members.push(i);
    else provs.set(p, [i]);
  }
  const X: Record<string, number> = {};
  const Cstar: Record<string, number> = {};
  for (const [p, members] of provs) {
    X[p] = members.reduce((s, i) => s + usage[i]!, 0);
    const kpos = members.filter((i) => usage[i]! > 0).length;
    Cstar[p] = Math.min(cp, kpos * cm);
  }
  const Wp = cappedWeights({ raw: X, caps: Cstar });
  const w: Record<string, number> = {};
  for (const [p, members] of provs) {
    const wp = Wp[p]!;
    if (wp === 0) {
      for (const i of members) w[i] = 0.0;
      continue;
    }
    const frac = cappedWeights({ raw: Object.fromEntries(members.map((i) => [i, usage[i]!])), caps: cm / wp });
    for (const i of members) w[i] = wp * frac[i]!;
  }
  return { weights: w, provider_weights: Wp };
}
