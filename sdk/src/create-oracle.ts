// By path, not through api-core's index: the package's main entry stays free of the handlers it does not use.
import { compareCandidates, promptTokens } from "../../api-core/compute-handlers";
import { OracleError } from "../../oracle-core";
import { compareRows, type CompareRowsResult } from "../../oracle-core/greeks";
import { forwardPointAt } from "../../oracle-core/greeks";
import type { ForwardPoint } from "../../oracle-core/forecast";
import { tickerForward } from "../../oracle-core/forecast";
import { horizonYears } from "../../oracle-core/greeks";
import { priceTask, type PricedTask, type TaskRequest } from "../../oracle-core/greeks";
import { estimateCall, type CallEstimate } from "../../oracle-core/integrations";
import { meterTokens, type MeterResult } from "../../oracle-core/integrations";
import { resolveModel } from "../../oracle-core/integrations";
import { readUsage, type UsageFormat } from "../../oracle-core/integrations";
import { editDistance } from "../../oracle-core/registry";
import type { GreekRow } from "../../oracle-core/schemas";
import type { SnapshotPayload } from "../../oracle-core/schemas";
import MODEL_ALIASES from "./model-aliases.json";
import { loadSnapshot, type SnapshotSourceOptions } from "./snapshot-source";
import { engineTokenCounter, type TokenCounter } from "./tokenizer";

export interface OracleOptions extends SnapshotSourceOptions {
  /** Tokenizer for `estimate({ prompt })` (default: the engine on the shipped vocabularies, loaded on first use). */
  countTokens?: TokenCounter | undefined;
  /** Extra provider model id → ticker entries (the built-in table comes from the registry's source ids). */
  aliases?: Readonly<Record<string, string>> | undefined;
}

/** A task for price/compare: a model (ticker or provider id) plus MATH.md §2.1 inputs. */
export type PriceInput = TaskRequest & { model: string };
export type CompareInput = TaskRequest & { models?: string[] | undefined; provider?: string | undefined };

/** estimate(): the prompt text (tokenized, exact for OpenAI encodings) or n_in, and the output ceiling. */
export type EstimateInput = {
  model: string;
  max_tokens: number;
  n_think?: number;
  eta?: number;
  omega?: number;
  cache_ttl?: string;
  mode?: string;
} & ({ prompt: string; n_in?: undefined } | { n_in: number; prompt?: undefined });

export interface MeterOptions {
  /** Ticker or provider id; default: the model the response names. */
  model?: string | undefined;
  mode?: "sync" | "batch" | undefined;
  /** Force a usage format when a bare usage object is ambiguous. */
  format?: UsageFormat | undefined;
}

/** Oracle.forward's answer (prices in USD per 1M output tokens). */
export interface ForwardResult {
  ticker: string;
  t: number;
  beta_spot: number;
  /** The forward: the expected list price at t. */
  beta_forward: number;
  /** The median (the announced path while "no change" is the likelier outcome); null without a forecast block. */
  median: number | null;
  /** P(the list price changes at least once by t); null without a forecast block. */
  p_change: number | null;
  quantiles: { q5: number; q25: number; q75: number; q95: number } | null;
  model: "lifecycle-hazard" | "theta-decay";
  /** On a family's newest model: the tier forecast at t (successor launches included), else null. */
  tier: ForwardPoint | null;
  valuation_date: string;
}

export interface Oracle {
  /** The verified snapshot in use: version, sha256, issued_at, stale, and where it came from. */
  readonly snapshot: {
    version: number;
    sha256: string;
    issued_at: string;
    expires_at: string;
    stale: boolean;
    from: "feed" | "cache";
    valuation_date: string;
  };
  readonly payload: SnapshotPayload;
  /** Re-fetches and re-verifies (a lower version is refused: E_ROLLBACK). */
  refresh(): Promise<void>;
  /** The ticker for a model name: a ticker, or a provider id such as "claude-sonnet-4-5-20250929". */
  resolve(model: string): string;
  row(model: string): GreekRow;
  price(task: PriceInput): PricedTask;
  compare(task: CompareInput): CompareRowsResult;
  /**
   * The ticker's forward at a tenor or t years: `beta_forward` is its expected output price (lifecycle-hazard model,
   * announced prices honoured), beside the median, P(any change by t) and the 5/25/75/95% quantiles, and, on a
   * family's newest model, the tier's (what the family's newest model will cost). Rows without a forecast block
   * (older snapshots) give the θ-decay forward and null for the rest.
   */
  forward(model: string, t: number | "spot" | "1M" | "3M" | "6M" | "12M"): ForwardResult;
  estimate(call: EstimateInput): Promise<CallEstimate>;
  meter(responseOrUsage: unknown, opts?: MeterOptions): MeterResult;
}

/**
 * Fetches, verifies (oracle-core's verifier, pinned root keys) and caches the signed snapshot, then prices locally.
 * @example const oracle = await createOracle({ feedUrl: "https://feed.example", publicKeys: ["11qYAYKx…"] });
 *   oracle.meter(response).cost
 */
export async function createOracle(opts: OracleOptions): Promise<Oracle> {
  let loaded = await loadSnapshot(opts);
  const countTokens = opts.countTokens ?? engineTokenCounter();
  const aliases: Record<string, string> = {
    ...(MODEL_ALIASES as Record<string, string>),
    ...Object.fromEntries(Object.entries(opts.aliases ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
  };
  let byTicker = new Map<string, GreekRow>();
  let tickers = new Set<string>();
  const index = () => {
    byTicker = new Map(loaded.verified.payload.models.map((m) => [m.ticker, m]));
    tickers = new Set(byTicker.keys());
  };
  index();
  const payload = () => loaded.verified.payload;

  const resolve = (model: string): string => {
    const t = resolveModel(model, tickers, aliases);
    if (t) return t;
    const q = model.trim().toUpperCase();
    const near = [...tickers]
      .map((x) => ({ x, d: editDistance(q, x) }))
      .sort((a, b) => a.d - b.d || a.x.localeCompare(b.x))
      .slice(0, 3)
      .map((r) => r.x);
    throw new OracleError(
      "E_UNKNOWN_TICKER",
      `unknown model ${JSON.stringify(model)}; did you mean ${near.join(", ")}? (or pass aliases)`,
      "model",
    );
  };
  const row = (model: string) => byTicker.get(resolve(model))!;

  return {
    get snapshot() {
      const v = loaded.verified;
      return {
        version: v.version,
        sha256: v.sha256,
        issued_at: v.issued_at,
        expires_at: v.expires_at,
        stale: v.stale,
        from: loaded.from,
        valuation_date: v.payload.valuation_date,
      };
    },
    get payload() {
      return payload();
    },
    async refresh() {
      loaded = await loadSnapshot(opts);
      index();
    },
    resolve,
    row,
    price: (task) => priceTask(row(task.model), task, payload().valuation_date),
    compare(task) {
      return compareRows(compareCandidates(payload().models, task, row), task, payload().valuation_date);
    },
    forward(model, t) {
      const r = row(model);
      const years = horizonYears(t);
      const vd = payload().valuation_date;
      const p = forwardPointAt(r, vd, years, "ticker");
      return {
        ticker: r.ticker,
        t: years,
        beta_spot: r.beta,
        beta_forward: p ? p.mean : tickerForward(r, vd, years),
        median: p ? p.median : null,
        p_change: p ? p.p_change : null,
        quantiles: p ? { q5: p.q5, q25: p.q25, q75: p.q75, q95: p.q95 } : null,
        model: r.forecast ? "lifecycle-hazard" : "theta-decay",
        tier: forwardPointAt(r, vd, years, "tier"),
        valuation_date: vd,
      };
    },
    async estimate(call) {
      const r = row(call.model);
      const n_in = call.prompt !== undefined ? await promptTokens(r, call.prompt, countTokens) : call.n_in;
      return estimateCall(r, { ...call, n_in }, payload().valuation_date);
    },
    meter(responseOrUsage, o = {}) {
      const tokens = readUsage(responseOrUsage, o.format);
      const model = o.model ?? tokens.response_model;
      if (!model) throw new OracleError("E_UNKNOWN_TICKER", "the usage object names no model: pass { model }", "model");
      return meterTokens(row(model), tokens, { mode: o.mode });
    },
  };
}
