import type { Hono } from "hono";
import type { AppEnv } from "../app";
import type { TokenCounter } from "../tokenize/token-counter";
import { ApiError } from "../http/api-error";
import { limitBody, rateLimit } from "../http/limits";
import { requireState, stamp } from "../http/respond";
import { parseWith, readJsonBody } from "../http/validate";
import { getFeedState } from "../store/feed-state";
import { rowOf } from "./read";
import { CompareRequestSchema, PriceRequestSchema } from "../../oracle-core/schemas/api";
import { priceTask } from "../../oracle-core/greeks/price-task";
import { compareRows } from "../../oracle-core/greeks/compare-rows";
import { countingEncoding, tokenEstimate } from "../../oracle-core/tokens/estimate";

/**
 * 400 E_NOT_FINITE when a result overflowed float64 (e.g. n_in = n_out = 1e308): JSON would silently
 * turn ±∞ into null, answering `"cost": null` with a 200.
 */
function finiteOrThrow<T>(result: T): T {
  const walk = (v: unknown): boolean =>
    typeof v === "number" ? Number.isFinite(v) : typeof v === "object" && v !== null ? Object.values(v).every(walk) : true;
  if (!walk(result)) throw new ApiError(400, "E_NOT_FINITE", "these inputs overflow float64 (a cost is not finite); use realistic token counts");
  return result;
}

/** POST /v1/price and /v1/compare: stateless task pricing with oracle-core (nothing about the task is stored). */
export function computeRoutes(app: Hono<AppEnv>, countTokens: (env: AppEnv["Bindings"]) => TokenCounter): void {
  for (const path of ["/v1/price", "/v1/compare"]) app.use(path, limitBody, rateLimit);

  app.post("/v1/price", async (c) => {
    const req = parseWith(PriceRequestSchema, await readJsonBody(c));
    const s = requireState(await getFeedState(c.env, Date.now()));
    const row = rowOf(s, req.model);
    if (req.prompt !== undefined && req.n_in !== undefined) throw new ApiError(400, "E_BAD_TYPE", "give either prompt or n_in, not both", "prompt");
    let tokens: ReturnType<typeof tokenEstimate> | null = null;
    let n_in = req.n_in;
    if (req.prompt !== undefined) {
      const enc = countingEncoding(row.tokenizer);
      tokens = tokenEstimate(row.tokenizer, await countTokens(c.env)(enc, req.prompt), enc);
      n_in = tokens.n_in;
    }
    if (n_in === undefined) throw new ApiError(400, "E_MISSING_FIELD", "n_in (or prompt) is required", "n_in");
    const priced = finiteOrThrow(priceTask(row, { ...req, n_in }, s.payload.valuation_date));
    return c.json({ data: { ...priced, n_in, tokens, quote_status: row.status }, ...stamp(s) });
  });

  app.post("/v1/compare", async (c) => {
    const req = parseWith(CompareRequestSchema, await readJsonBody(c));
    const s = requireState(await getFeedState(c.env, Date.now()));
    if (req.prompt !== undefined) throw new ApiError(400, "E_BAD_TYPE", "compare takes n_in, not prompt (tokenizers differ per model)", "prompt");
    if (req.n_in === undefined) throw new ApiError(400, "E_MISSING_FIELD", "n_in is required", "n_in");
    const rows = req.models
      ? req.models.map((m) => rowOf(s, m))
      : s.payload.models.filter((m) => m.lifecycle === "active" && (!req.provider || m.provider === req.provider.toLowerCase()));
    const data = finiteOrThrow(compareRows(rows, { ...req, n_in: req.n_in }, s.payload.valuation_date));
    return c.json({ data, ...stamp(s) });
  });
}
