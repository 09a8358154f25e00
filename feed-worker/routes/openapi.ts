import { z } from "zod";
import { CompareRequestSchema, PriceRequestSchema } from "../../oracle-core/schemas";
import { GreekRowSchema } from "../../oracle-core/schemas";
import { SwapRequestSchema } from "../../oracle-core/schemas";
import { CHANGE_KINDS, WebhookCreateSchema } from "../../oracle-core/integrations";
import { IndexBlockSchema, SnapshotPayloadSchema } from "../../oracle-core/schemas";
import { adminComponents, adminPaths } from "./admin-openapi";

/** A /v1/spots row: the Greek row's identity, lifecycle (dates only when set) and status, β sync and batch. */
const SpotSchema = GreekRowSchema.pick({
  ticker: true,
  display_name: true,
  provider: true,
  lifecycle: true,
  listed_at: true,
  deprecated_at: true,
  retired_at: true,
  unquoted_since: true,
  context_window: true,
  status: true,
}).extend({
  beta_sync: GreekRowSchema.shape.beta,
  beta_batch: GreekRowSchema.shape.beta_batch,
  input: GreekRowSchema.shape.prices.shape.input,
});

const ErrorSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string", examples: ["E_ETA_RANGE", "E_UNKNOWN_TICKER", "E_RATE_LIMIT"] },
        message: { type: "string" },
        field: { type: "string" },
        suggestions: { type: "array", items: { type: "string" } },
      },
    },
  },
} as const;

const json = (schema: object) => ({ "application/json": { schema } });
const ok = (description: string, schema: object = { type: "object" }) => ({ description, content: json(schema) });
const errors = {
  "400": {
    description: "invalid input (code from MATH.md §13)",
    content: json({ $ref: "#/components/schemas/Error" }),
  },
  "404": { description: "unknown ticker, with suggestions", content: json({ $ref: "#/components/schemas/Error" }) },
  "429": { description: "rate limited; see Retry-After", content: json({ $ref: "#/components/schemas/Error" }) },
};
const tickerParam = { name: "ticker", in: "path", required: true, schema: { type: "string" }, example: "GPT-4.1" };

/** OpenAPI 3.1 for /v1/*; request schemas come from the same zod schemas the handlers use. */
export function openApiDocument(): object {
  const paths: Record<string, object> = {
    "/v1/snapshot": {
      get: { summary: "The signed DSSE envelope of the latest snapshot", responses: { "200": ok("DSSE envelope") } },
    },
    "/v1/widget-view": {
      get: {
        summary:
          "The widgets' signed view of the latest snapshot: per ticker its name, provider, lifecycle, status, β, class " +
          "prices, forwards and last change, one array per row under `fields`; same key and DSSE envelope (payloadType " +
          "application/vnd.exostream.widget-view+json; version=1)",
        responses: { "200": ok("DSSE envelope") },
      },
    },
    "/v1/spots": {
      get: {
        summary: "β sync and batch for every ticker, with its lifecycle and lifecycle dates",
        responses: {
          "200": ok("spots", {
            type: "object",
            properties: { data: { type: "array", items: { $ref: "#/components/schemas/Spot" } } },
          }),
        },
      },
    },
    "/v1/greeks": {
      get: {
        summary: "The full Greek sheet",
        responses: {
          "200": ok("Greek sheet", {
            type: "object",
            properties: { data: { type: "array", items: { $ref: "#/components/schemas/GreekRow" } } },
          }),
        },
      },
    },
    "/v1/models/{ticker}": {
      get: {
        summary: "One Greek-sheet row with sources and status",
        parameters: [tickerParam],
        responses: {
          "200": ok("row", { type: "object", properties: { data: { $ref: "#/components/schemas/GreekRow" } } }),
          ...errors,
        },
      },
    },
    "/v1/forwards/{ticker}": {
      get: {
        summary:
          "A ticker's forward at 1M, 3M, 6M, 12M and any ?t= in years: the expected price of that SKU (lifecycle-hazard model, announced prices honoured), its median, p_change (probability of any change by t) and 5/25/75/95% quantiles; on a family's newest model, the tier forward (what the family's newest model will cost) separately; θ and σ under family_statistics (descriptive, not the forward)",
        parameters: [
          tickerParam,
          {
            name: "t",
            in: "query",
            schema: { type: "number", minimum: 0 },
            description: "extra tenor in years; repeatable",
          },
        ],
        responses: { "200": ok("forward curve"), ...errors },
      },
    },
    "/v1/history/{ticker}": {
      get: {
        summary: "Observations with provenance; CSV with Accept: text/csv",
        parameters: [
          tickerParam,
          { name: "field", in: "query", schema: { type: "string" } },
          { name: "from", in: "query", schema: { type: "string", format: "date" } },
          { name: "to", in: "query", schema: { type: "string", format: "date" } },
        ],
        responses: {
          "200": {
            description: "history",
            content: { ...json({ type: "object" }), "text/csv": { schema: { type: "string" } } },
          },
          ...errors,
        },
      },
    },
    "/v1/price": {
      post: {
        summary: "Price a task (MATH.md §2–4); without n_out: costs at 100/500/1000/4000 and the range",
        requestBody: { required: true, content: json({ $ref: "#/components/schemas/PriceRequest" }) },
        responses: { "200": ok("price"), ...errors, "413": { description: "body over 16 KB" } },
      },
    },
    "/v1/compare": {
      post: {
        summary: "The same task for every active model (or a list), sorted by cost, with forward cost",
        requestBody: { required: true, content: json({ $ref: "#/components/schemas/CompareRequest" }) },
        responses: { "200": ok("ranking"), ...errors },
      },
    },
    "/v1/index": {
      get: {
        summary:
          "EICI: level, divisor, base, constituents with capped weights, index forward in USD/M (Σ contribution × member's ticker forward ÷ spot, at 1M–12M and on a 21-knot grid; the snapshot's index block)",
        responses: {
          "200": ok("index block", {
            type: "object",
            properties: { data: { $ref: "#/components/schemas/IndexBlock" } },
          }),
          "503": { description: "no base date yet" },
        },
      },
    },
    "/v1/index/history": {
      get: {
        summary: "Daily EICI fixings (16:00 UTC) from the base date; CSV with Accept: text/csv or ?format=csv",
        parameters: [
          { name: "from", in: "query", schema: { type: "string", format: "date" } },
          { name: "to", in: "query", schema: { type: "string", format: "date" } },
          { name: "format", in: "query", schema: { type: "string", enum: ["json", "csv"] } },
        ],
        responses: {
          "200": {
            description: "series",
            content: { ...json({ type: "object" }), "text/csv": { schema: { type: "string" } } },
          },
          "400": errors["400"],
        },
      },
    },
    "/v1/swap": {
      post: {
        summary:
          "EICS (MATH.md §9) on the underlying's forward curve (a ticker's lifecycle forward, or the EICI forward grid): fair rate for both fixings, NPV at K for a side, delta_1pct, theta01, dv01, cash-flow schedule; mark-to-market with elapsed_months",
        requestBody: { required: true, content: json({ $ref: "#/components/schemas/SwapRequest" }) },
        responses: { "200": ok("swap quote"), ...errors, "413": { description: "body over 16 KB" } },
      },
    },
    "/v1/monte-carlo/{ticker}": {
      get: {
        summary:
          "Lifecycle Monte Carlo of the ticker's own price (hazard-driven jumps, successor arrival drawn per path) and, on a family's newest model, of its tier: mean, p_change, p5/p25/p50/p75/p95 at 1M/3M/6M/12M, the exact law beside; deterministic for a seed (Merton, MATH.md §10, only for rows without a forecast block)",
        parameters: [
          tickerParam,
          { name: "paths", in: "query", schema: { type: "integer", minimum: 100, maximum: 50000, default: 10000 } },
          { name: "seed", in: "query", schema: { type: "integer", minimum: 0, default: 1 } },
        ],
        responses: { "200": ok("fan"), ...errors },
      },
    },
    "/v1/backtest": {
      get: {
        summary:
          "Walk-forward backtest of the lifecycle forecasts (docs/METHODOLOGY.md): monthly origins, ticker and tier targets apart; bias, squared-error skill and CRPS skill against no change, 50%/90% PIT coverage, the median's MAPE and median APE, moved-pair and event counts, bootstrap 95% intervals over whole tickers/families; by tenor and family, with every prediction and the method",
        parameters: [{ name: "family", in: "query", schema: { type: "string" }, example: "openai-flagship" }],
        responses: { "200": ok("backtest"), "404": errors["404"], "429": errors["429"] },
      },
    },
    "/v1/sources": {
      get: {
        summary: "Source health, last fetch, last raw sha256, rejections and disagreements",
        responses: { "200": ok("sources") },
      },
    },
    "/v1/openapi.json": { get: { summary: "This document", responses: { "200": ok("OpenAPI 3.1") } } },
    // integrations
    "/v1/changes": {
      get: {
        summary:
          "Every published change, oldest first: price changes, circuit-breaker holds and releases, new models, status changes, each with its effective date and snapshot version",
        parameters: [
          {
            name: "since_version",
            in: "query",
            schema: { type: "integer", minimum: 0 },
            description: 'only changes published after this snapshot version ("what changed since my last visit")',
          },
          {
            name: "after_id",
            in: "query",
            schema: { type: "integer", minimum: 0 },
            description: "page cursor: next_after_id of the previous page",
          },
          {
            name: "kind",
            in: "query",
            schema: {
              type: "string",
              enum: [...CHANGE_KINDS],
            },
            description: "repeatable or comma-separated",
          },
          { name: "ticker", in: "query", schema: { type: "string" }, description: "repeatable or comma-separated" },
          { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 500, default: 100 } },
        ],
        responses: { "200": ok("changes, latest_version, has_more, next_after_id"), "400": errors["400"] },
      },
    },
    "/v1/changes.atom": {
      get: {
        summary: "The same changes as an Atom 1.0 feed, newest first (same query parameters; default limit 50)",
        responses: {
          "200": { description: "Atom feed", content: { "application/atom+xml": { schema: { type: "string" } } } },
        },
      },
    },
    "/v1/export/litellm.json": {
      get: {
        summary:
          "Every active ticker in LiteLLM's model_prices_and_context_window.json format (USD per token); snapshot version and timestamp in X-Exostream-Version / X-Oracle-Timestamp",
        responses: { "200": ok("LiteLLM price map") },
      },
    },
    "/v1/export/genai-prices.json": {
      get: {
        summary:
          "Every active ticker in genai-prices' v2 data format (providers → models → USD per 1M tokens, tiers, announced prices as start_date sets)",
        responses: { "200": ok("genai-prices providers", { type: "array" }) },
      },
    },
    "/v1/webhooks": {
      post: {
        summary:
          "Register a URL and a filter (tickers, families, kinds, theta_shift_gt, price_move_pct_gt, family_below). Deliveries are signed (Exostream-Signature: t=…,v1=HMAC-SHA256) and retried with backoff. The secret is in this response only.",
        requestBody: { required: true, content: json({ $ref: "#/components/schemas/WebhookCreate" }) },
        responses: {
          "201": ok("subscription with its secret"),
          ...errors,
          "403": {
            description: "E_WEBHOOK_CAPACITY: the feed holds its maximum of webhooks",
            content: errors["400"].content,
          },
          "429": {
            description: "E_RATE_LIMIT, or E_WEBHOOK_LIMIT: this client holds 10 webhooks",
            content: errors["400"].content,
          },
        },
      },
      get: {
        summary: "The subscriptions of the secret sent as Authorization: Bearer <secret>, with their latest deliveries",
        responses: { "200": ok("subscriptions"), "401": errors["400"] },
      },
    },
    "/v1/webhooks/{id}": {
      get: {
        summary: "One subscription and its latest deliveries (needs its secret)",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: { "200": ok("subscription"), "401": errors["400"], "403": errors["400"], "404": errors["404"] },
      },
      delete: {
        summary: "Delete a subscription (needs its secret)",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: { "200": ok("deleted"), "401": errors["400"], "403": errors["400"], "404": errors["404"] },
      },
    },
    "/mcp": {
      post: {
        summary:
          "MCP over Streamable HTTP (stateless, JSON responses): tools get_spot_prices, get_greeks, price_task, " +
          "compare_models, get_forward_curve, get_index, price_swap; tool errors carry the REST codes, JSON-RPC errors " +
          "carry them in error.data. One message per request: batches are refused (-32600, E_MCP_BATCH).",
        requestBody: { required: true, content: json({ type: "object", description: "one JSON-RPC 2.0 message" }) },
        responses: {
          "200": ok("JSON-RPC response"),
          "202": { description: "notification accepted" },
          "400": {
            description: "-32700 parse error, -32600 invalid request or batch, unsupported MCP-Protocol-Version",
          },
          "429": errors["429"],
        },
      },
    },
    ...adminPaths(),
  };
  const admin = adminComponents();
  return {
    openapi: "3.1.0",
    info: {
      title: "Exostream feed API",
      version: "1.0.0",
      description:
        "A verifiable pricing oracle for LLM inference. Every response carries oracle_timestamp and snapshot_version; errors are {error:{code,message,field?}}.",
    },
    paths,
    components: {
      schemas: {
        Error: ErrorSchema,
        PriceRequest: z.toJSONSchema(PriceRequestSchema, { io: "input" }),
        CompareRequest: z.toJSONSchema(CompareRequestSchema, { io: "input" }),
        SwapRequest: z.toJSONSchema(SwapRequestSchema, { io: "input" }),
        WebhookCreate: z.toJSONSchema(WebhookCreateSchema, { io: "input" }),
        IndexBlock: z.toJSONSchema(IndexBlockSchema, { io: "output", unrepresentable: "any" }),
        GreekRow: z.toJSONSchema(GreekRowSchema, { io: "output", unrepresentable: "any" }),
        Spot: z.toJSONSchema(SpotSchema, { io: "output" }),
        SnapshotPayload: z.toJSONSchema(SnapshotPayloadSchema, { io: "output", unrepresentable: "any" }),
        ...admin.schemas,
      },
      securitySchemes: admin.securitySchemes,
    },
  };
}
