// The MCP tool table, once: name, title, description, the zod schema the arguments are parsed with, and the handler.
// Each tool answers exactly what its REST endpoint answers, through the same handler.
import { z } from "zod";
import { CompareRequestSchema, PriceRequestSchema } from "../oracle-core/schemas";
import { SwapRequestSchema } from "../oracle-core/schemas";
import type { ApiBody, ApiState } from "./api-state";
import { compareBody, priceBody, type CountTokens } from "./compute-handlers";
import { swapBody } from "./market-handlers";
import { parseWith } from "./parse-with";
import { forwardBody, greeksBody, indexBody, modelBody, spotsBody } from "./read-handlers";

/** What a transport provides: the current verified snapshot and a tokenizer (tiktoken on workerd and in Node). */
export interface ToolHost {
  state(): Promise<ApiState>;
  countTokens: CountTokens;
}

/** Input of the read tools that mirror GET endpoints (REST takes these as path and query parameters). */
export const SpotsToolSchema = z.strictObject({
  tickers: z.array(z.string().min(1).max(64)).max(200).optional(),
  provider: z.string().max(32).optional(),
});
export const GreeksToolSchema = z.strictObject({ ticker: z.string().min(1).max(64).optional() });
export const ForwardToolSchema = z.strictObject({
  ticker: z.string().min(1).max(64),
  t: z.array(z.number()).optional(),
});
export const IndexToolSchema = z.strictObject({});

export interface McpTool {
  name: string;
  title: string;
  description: string;
  /** The zod schema the arguments are parsed with (the REST body schema where the endpoint has one). */
  schema: z.ZodType;
  run(args: never, host: ToolHost): Promise<ApiBody>;
}

type Run<S extends z.ZodType> = (args: z.infer<S>, s: ApiState, host: ToolHost) => ApiBody | Promise<ApiBody>;

/** A tool whose handler runs on the host's state, read after the arguments parsed (as REST reads it after the body). */
function tool<S extends z.ZodType>(name: string, title: string, description: string, schema: S, run: Run<S>): McpTool {
  return {
    name,
    title,
    description,
    schema,
    run: (async (args: z.infer<S>, host: ToolHost) => run(args, await host.state(), host)) as McpTool["run"],
  };
}

/** The seven tools of SPEC §6 `/mcp`. */
export const MCP_TOOLS: readonly McpTool[] = [
  tool(
    "get_spot_prices",
    "Spot prices",
    "β (output price, USD per 1M tokens) sync and batch, input price, context window, lifecycle (provisional, " +
      "active, legacy, deprecated, retired, with listed_at/deprecated_at/retired_at/unquoted_since when set) and " +
      "quote status for every ticker (as GET /v1/spots); optionally only some tickers or one provider.",
    SpotsToolSchema,
    (a, s) => spotsBody(s, a),
  ),
  tool(
    "get_greeks",
    "Greek sheet",
    "The Greek sheet: every price, the ratios r_in, r_cache, r_think, r_batch, forwards (expected price of the " +
      "ticker), the forecast model's parameters, θ and σ (the family's fitted decay and volatility: descriptive, " +
      "not the forward), status and sources per ticker (as GET /v1/greeks), or one row (as GET /v1/models/:ticker).",
    GreeksToolSchema,
    (a, s) => (a.ticker !== undefined ? modelBody(s, a.ticker) : greeksBody(s)),
  ),
  tool(
    "price_task",
    "Price a task",
    "What one call costs on one model (as POST /v1/price, MATH.md §2–4): n_in or prompt text, n_out, n_think, eta " +
      "(cache-hit share), omega (cache-write share), cache_ttl, mode, horizon. Without n_out: the cost range over " +
      "output length up to max_tokens.",
    PriceRequestSchema,
    (req, s, host) => priceBody(s, req, host.countTokens),
  ),
  tool(
    "compare_models",
    "Compare models",
    "The same task priced on every active model (or `models`, or one `provider`), cheapest first, with forward cost " +
      "at the horizon (as POST /v1/compare). Needs n_in and n_out.",
    CompareRequestSchema,
    (req, s) => compareBody(s, req),
  ),
  tool(
    "get_forward_curve",
    "Forward curve",
    "A ticker's forward output price (USD/M) at 1M, 3M, 6M, 12M and at any t in years (as GET " +
      "/v1/forwards/:ticker?t=): the expected list price of that SKU (lifecycle-hazard model, announced prices " +
      "honoured), its median (usually the spot: most prices never move), p_change (probability of any change by t) " +
      "and 5/25/75/95% quantiles. On a family's newest model, `tier` gives the same for what the family's newest " +
      "model will cost (successor launches included). θ and σ are descriptive family statistics, not the forward.",
    ForwardToolSchema,
    (a, s) => forwardBody(s, a.ticker, a.t ?? []),
  ),
  tool(
    "get_index",
    "EICI index",
    "The Effective Inference Cost Index: level, level in USD/M, divisor, base date, constituents with capped " +
      "weights, index forwards in USD/M (members' ticker forwards, weighted by contribution) (as GET /v1/index).",
    IndexToolSchema,
    (_a, s) => indexBody(s),
  ),
  tool(
    "price_swap",
    "Price a swap",
    "EICS fixed-for-floating swap on the index or a ticker (as POST /v1/swap, MATH.md §9) on the underlying's " +
      "forward curve (a ticker's lifecycle forward, or the index's forward grid): fair rate, NPV at K for a side, " +
      "delta_1pct, theta01, dv01, cash-flow schedule.",
    SwapRequestSchema,
    (req, s) => swapBody(s, req),
  ),
];

/** Parses a tool's arguments with its schema: the same codes as the REST body (E_NOT_FINITE, E_UNKNOWN_FIELD, …). */
export function parseToolArgs(t: McpTool, args: unknown): unknown {
  return parseWith(t.schema, args ?? {});
}
