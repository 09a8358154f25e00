import { z } from "zod";
import { ApiError } from "../../feed-worker/http/api-error";
import { parseWith } from "../../feed-worker/http/validate";
import { suggestTickers } from "../../feed-worker/routes/suggest";
import { compareRows } from "../../oracle-core/greeks/compare-rows";
import { derivedGreeks } from "../../oracle-core/greeks/derived";
import { forwardView } from "../../oracle-core/greeks/forward-view";
import { priceTask } from "../../oracle-core/greeks/price-task";
import { indexUnderlying, priceSwap, tickerUnderlying } from "../../oracle-core/market/swap-request";
import { CompareRequestSchema, PriceRequestSchema } from "../../oracle-core/schemas/api";
import type { GreekRow } from "../../oracle-core/schemas/greek-row";
import { SwapRequestSchema } from "../../oracle-core/schemas/market";
import type { SnapshotPayload } from "../../oracle-core/schemas/snapshot";
import { countingEncoding, tokenEstimate } from "../../oracle-core/tokens/estimate";
import type { TokenCounter } from "../../tokenizer/token-counter";

/** A verified snapshot as the tools read it (the feed's FeedState has this shape). */
export interface ToolState {
  payload: SnapshotPayload;
  byTicker: ReadonlyMap<string, GreekRow>;
}

/** What a transport provides: the current snapshot and a tokenizer (tiktoken on workerd and in Node). */
export interface ToolHost {
  state(): Promise<ToolState>;
  countTokens: TokenCounter;
}

/** Input of the read tools that mirror GET endpoints (REST takes these as path and query parameters). */
export const SpotsToolSchema = z.strictObject({
  tickers: z.array(z.string().min(1).max(64)).max(200).optional(),
  provider: z.string().max(32).optional(),
});
export const GreeksToolSchema = z.strictObject({ ticker: z.string().min(1).max(64).optional() });
export const ForwardToolSchema = z.strictObject({ ticker: z.string().min(1).max(64), t: z.array(z.number()).optional() });
export const IndexToolSchema = z.strictObject({});

/** The body every tool returns: REST's `{ data, oracle_timestamp, snapshot_version }`. */
export interface ToolBody {
  data: unknown;
  oracle_timestamp: string;
  snapshot_version: number;
  [k: string]: unknown;
}

export interface McpTool {
  name: string;
  title: string;
  description: string;
  /** The zod schema the arguments are parsed with (the REST body schema where the endpoint has one). */
  schema: z.ZodType;
  run(args: never, host: ToolHost): Promise<ToolBody>;
}

const stamp = (s: ToolState) => ({ oracle_timestamp: s.payload.issued_at, snapshot_version: s.payload.version });

/** feed-worker/routes/read.ts `rowOf`: the same lookup, message and suggestions (a test pins the two together). */
export function toolRow(s: ToolState, raw: string): GreekRow {
  const ticker = raw.trim().toUpperCase();
  const row = s.byTicker.get(ticker);
  if (!row) {
    const suggestions = suggestTickers(ticker, [...s.byTicker.keys()]);
    throw new ApiError(404, "E_UNKNOWN_TICKER", `unknown ticker ${JSON.stringify(raw)}${suggestions.length ? `; did you mean ${suggestions.join(", ")}?` : ""}`, "ticker", { suggestions });
  }
  return row;
}

/** As POST /v1/price: a result that overflowed float64 is E_NOT_FINITE, never a `null` cost. */
function finiteOrThrow<T>(result: T): T {
  const walk = (v: unknown): boolean => (typeof v === "number" ? Number.isFinite(v) : typeof v === "object" && v !== null ? Object.values(v).every(walk) : true);
  if (!walk(result)) throw new ApiError(400, "E_NOT_FINITE", "these inputs overflow float64 (a cost is not finite); use realistic token counts");
  return result;
}

function tool<S extends z.ZodType>(name: string, title: string, description: string, schema: S, run: (args: z.infer<S>, host: ToolHost) => Promise<ToolBody>): McpTool {
  return { name, title, description, schema, run: run as McpTool["run"] };
}

/** The seven tools of SPEC §6 `/mcp`, each answering exactly what the matching REST endpoint answers. */
export const MCP_TOOLS: readonly McpTool[] = [
  tool("get_spot_prices", "Spot prices", "β (output price, USD per 1M tokens) sync and batch, input price, context window and quote status for every ticker (as GET /v1/spots); optionally only some tickers or one provider.", SpotsToolSchema, async (a, host) => {
    const s = await host.state();
    const rows = a.tickers ? a.tickers.map((t) => toolRow(s, t)) : s.payload.models.filter((m) => !a.provider || m.provider === a.provider.toLowerCase());
    const data = rows.map((m) => ({ ticker: m.ticker, display_name: m.display_name, provider: m.provider, lifecycle: m.lifecycle, beta_sync: m.beta, beta_batch: m.beta_batch, input: m.prices.input, context_window: m.context_window, status: m.status }));
    return { data, ...stamp(s) };
  }),
  tool("get_greeks", "Greek sheet", "The Greek sheet: every price, the ratios r_in, r_cache, r_think, r_batch, θ, σ, forwards, status and sources per ticker (as GET /v1/greeks), or one row (as GET /v1/models/:ticker).", GreeksToolSchema, async (a, host) => {
    const s = await host.state();
    const data = a.ticker !== undefined ? { ...toolRow(s, a.ticker), ...derivedGreeks(toolRow(s, a.ticker)) } : s.payload.models.map((m) => ({ ...m, ...derivedGreeks(m) }));
    return { data, ...stamp(s) };
  }),
  tool("price_task", "Price a task", "What one call costs on one model (as POST /v1/price, MATH.md §2–4): n_in or prompt text, n_out, n_think, eta (cache-hit share), omega (cache-write share), cache_ttl, mode, horizon. Without n_out: the cost range over output length up to max_tokens.", PriceRequestSchema, async (req, host) => {
    const s = await host.state();
    const row = toolRow(s, req.model);
    if (req.prompt !== undefined && req.n_in !== undefined) throw new ApiError(400, "E_BAD_TYPE", "give either prompt or n_in, not both", "prompt");
    let tokens: ReturnType<typeof tokenEstimate> | null = null;
    let n_in = req.n_in;
    if (req.prompt !== undefined) {
      const enc = countingEncoding(row.tokenizer);
      tokens = tokenEstimate(row.tokenizer, await host.countTokens(enc, req.prompt), enc);
      n_in = tokens.n_in;
    }
    if (n_in === undefined) throw new ApiError(400, "E_MISSING_FIELD", "n_in (or prompt) is required", "n_in");
    const priced = finiteOrThrow(priceTask(row, { ...req, n_in }, s.payload.valuation_date));
    return { data: { ...priced, n_in, tokens, quote_status: row.status }, ...stamp(s) };
  }),
  tool("compare_models", "Compare models", "The same task priced on every active model (or `models`, or one `provider`), cheapest first, with forward cost at the horizon (as POST /v1/compare). Needs n_in and n_out.", CompareRequestSchema, async (req, host) => {
    const s = await host.state();
    if (req.prompt !== undefined) throw new ApiError(400, "E_BAD_TYPE", "compare takes n_in, not prompt (tokenizers differ per model)", "prompt");
    if (req.n_in === undefined) throw new ApiError(400, "E_MISSING_FIELD", "n_in is required", "n_in");
    const rows = req.models ? req.models.map((m) => toolRow(s, m)) : s.payload.models.filter((m) => m.lifecycle === "active" && (!req.provider || m.provider === req.provider.toLowerCase()));
    return { data: finiteOrThrow(compareRows(rows, { ...req, n_in: req.n_in }, s.payload.valuation_date)), ...stamp(s) };
  }),
  tool("get_forward_curve", "Forward curve", "Forward output price (USD/M) at 1M, 3M, 6M, 12M and at any t in years, honouring announced prices, with θ and σ (as GET /v1/forwards/:ticker?t=).", ForwardToolSchema, async (a, host) => {
    const s = await host.state();
    const row = toolRow(s, a.ticker);
    const data = forwardView(row, s.payload.valuation_date, a.t ?? []);
    return { data, ...stamp(s) };
  }),
  tool("get_index", "EICI index", "The Effective Inference Cost Index: level, level in USD/M, divisor, base date, constituents with capped weights, index forwards (as GET /v1/index).", IndexToolSchema, async (_a, host) => {
    const s = await host.state();
    if (!s.payload.index) throw new ApiError(503, "E_NO_INDEX", "the index has no base date yet: too few priced models for the caps");
    return { data: s.payload.index, ...stamp(s) };
  }),
  tool("price_swap", "Price a swap", "EICS fixed-for-floating swap on the index or a ticker (as POST /v1/swap, MATH.md §9): fair rate, NPV at K for a side, delta_1pct, theta01, dv01, cash-flow schedule.", SwapRequestSchema, async (req, host) => {
    const s = await host.state();
    const u = req.underlying.trim();
    let und;
    if (u.toLowerCase() === "index" || u.toUpperCase() === "EICI") {
      if (!s.payload.index) throw new ApiError(503, "E_NO_INDEX", "the index has no base date yet; price a ticker instead");
      und = indexUnderlying(s.payload.index, Object.fromEntries(s.payload.models.map((m) => [m.ticker, m.theta])));
    } else {
      und = tickerUnderlying(toolRow(s, req.underlying));
    }
    return { data: priceSwap(req, und, s.payload.valuation_date), ...stamp(s) };
  }),
];

/** Parses a tool's arguments with its schema: the same codes as the REST body (E_NOT_FINITE, E_UNKNOWN_FIELD, …). */
export function parseToolArgs(t: McpTool, args: unknown): unknown {
  return parseWith(t.schema, args ?? {});
}
