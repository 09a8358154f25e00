import type { Hono } from "hono";
import { compareBody, parseWith, priceBody } from "../../api-core";
import { CompareRequestSchema, PriceRequestSchema } from "../../oracle-core/schemas";
import type { AppEnv } from "../env";
import { limitBody, rateLimit } from "../http/limits";
import { readJsonBody } from "../http/read-json-body";
import { requireState } from "../http/respond";
import { getFeedState } from "../store/feed-state";
import type { TokenCounter } from "../tokenize/token-counter";

/** POST /v1/price and /v1/compare: api-core's handlers behind the body and rate limits (no task is stored). */
export function computeRoutes(app: Hono<AppEnv>, countTokens: (env: AppEnv["Bindings"]) => TokenCounter): void {
  for (const path of ["/v1/price", "/v1/compare"]) app.use(path, limitBody, rateLimit);

  app.post("/v1/price", async (c) => {
    const req = parseWith(PriceRequestSchema, await readJsonBody(c));
    const s = requireState(await getFeedState(c.env, Date.now()));
    // The tokenizer is built only when a prompt needs it.
    return c.json(await priceBody(s, req, (encoding, text) => countTokens(c.env)(encoding, text)));
  });

  app.post("/v1/compare", async (c) => {
    const req = parseWith(CompareRequestSchema, await readJsonBody(c));
    const s = requireState(await getFeedState(c.env, Date.now()));
    return c.json(compareBody(s, req));
  });
}
