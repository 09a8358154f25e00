import { z } from "zod";
import { CompareRequestSchema, PriceRequestSchema } from "../../oracle-core/schemas/api";
import { GreekRowSchema } from "../../oracle-core/schemas/greek-row";
import { SwapRequestSchema } from "../../oracle-core/schemas/market";
import { IndexBlockSchema, SnapshotPayloadSchema } from "../../oracle-core/schemas/snapshot";

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
  "400": { description: "invalid input (code from MATH.md §13)", content: json({ $ref: "#/components/schemas/Error" }) },
  "404": { description: "unknown ticker, with suggestions", content: json({ $ref: "#/components/schemas/Error" }) },
  "429": { description: "rate limited; see Retry-After", content: json({ $ref: "#/components/schemas/Error" }) },
};
const tickerParam = { name: "ticker", in: "path", required: true, schema: { type: "string" }, example: "GPT-4.1" };

/** OpenAPI 3.1 for /v1/*; request schemas come from the same zod schemas the handlers use. */
export function openApiDocument(): object {
  const paths: Record<string, object> = {
    "/v1/snapshot": { get: { summary: "The signed DSSE envelope of the latest snapshot", responses: { "200": ok("DSSE envelope") } } },
    "/v1/spots": { get: { summary: "β sync and batch for every ticker", responses: { "200": ok("spots") } } },
    "/v1/greeks": { get: { summary: "The full Greek sheet", responses: { "200": ok("Greek sheet", { type: "object", properties: { data: { type: "array", items: { $ref: "#/components/schemas/GreekRow" } } } }) } } },
    "/v1/models/{ticker}": { get: { summary: "One Greek-sheet row with sources and status", parameters: [tickerParam], responses: { "200": ok("row"), ...errors } } },
    "/v1/forwards/{ticker}": {
      get: {
        summary: "Forward curve (1M, 3M, 6M, 12M) and any ?t= in years",
        parameters: [tickerParam, { name: "t", in: "query", schema: { type: "number", minimum: 0 }, description: "extra tenor in years; repeatable" }],
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
        responses: { "200": { description: "history", content: { ...json({ type: "object" }), "text/csv": { schema: { type: "string" } } } }, ...errors },
      },
    },
    "/v1/price": { post: { summary: "Price a task (MATH.md §2–4); without n_out: costs at 100/500/1000/4000 and the range", requestBody: { required: true, content: json({ $ref: "#/components/schemas/PriceRequest" }) }, responses: { "200": ok("price"), ...errors, "413": { description: "body over 16 KB" } } } },
    "/v1/compare": { post: { summary: "The same task for every active model (or a list), sorted by cost, with forward cost", requestBody: { required: true, content: json({ $ref: "#/components/schemas/CompareRequest" }) }, responses: { "200": ok("ranking"), ...errors } } },
    "/v1/index": { get: { summary: "EICI: level, divisor, base, constituents with capped weights, index forward (the snapshot's index block)", responses: { "200": ok("index block", { type: "object", properties: { data: { $ref: "#/components/schemas/IndexBlock" } } }), "503": { description: "no base date yet" } } } },
    "/v1/index/history": {
      get: {
        summary: "Daily EICI fixings (16:00 UTC) from the base date; CSV with Accept: text/csv or ?format=csv",
        parameters: [
          { name: "from", in: "query", schema: { type: "string", format: "date" } },
          { name: "to", in: "query", schema: { type: "string", format: "date" } },
          { name: "format", in: "query", schema: { type: "string", enum: ["json", "csv"] } },
        ],
        responses: { "200": { description: "series", content: { ...json({ type: "object" }), "text/csv": { schema: { type: "string" } } } }, "400": errors["400"] },
      },
    },
    "/v1/swap": { post: { summary: "EICS (MATH.md §9): fair rate for both fixings, NPV at K for a side, delta_1pct, theta01, dv01, cash-flow schedule; mark-to-market with elapsed_months", requestBody: { required: true, content: json({ $ref: "#/components/schemas/SwapRequest" }) }, responses: { "200": ok("swap quote"), ...errors, "413": { description: "body over 16 KB" } } } },
    "/v1/monte-carlo/{ticker}": {
      get: {
        summary: "Merton jump-diffusion (MATH.md §10): p5/p25/p50/p75/p95 and mean at 1M/3M/6M/12M, the exact law beside; deterministic for a seed",
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
        summary: "Forward-curve backtest (MATH.md §11): MAPE and median APE by tenor and family, all and ex-successor, beside the no-change baseline; individual predictions",
        parameters: [{ name: "family", in: "query", schema: { type: "string" }, example: "openai-flagship" }],
        responses: { "200": ok("backtest"), "404": errors["404"], "429": errors["429"] },
      },
    },
    "/v1/sources": { get: { summary: "Source health, last fetch, last raw sha256, rejections and disagreements", responses: { "200": ok("sources") } } },
    "/v1/openapi.json": { get: { summary: "This document", responses: { "200": ok("OpenAPI 3.1") } } },
  };
  return {
    openapi: "3.1.0",
    info: { title: "Exostream feed API", version: "1.0.0", description: "A verifiable pricing oracle for LLM inference. Every response carries oracle_timestamp and snapshot_version; errors are {error:{code,message,field?}}." },
    paths,
    components: {
      schemas: {
        Error: ErrorSchema,
        PriceRequest: z.toJSONSchema(PriceRequestSchema, { io: "input" }),
        CompareRequest: z.toJSONSchema(CompareRequestSchema, { io: "input" }),
        SwapRequest: z.toJSONSchema(SwapRequestSchema, { io: "input" }),
        IndexBlock: z.toJSONSchema(IndexBlockSchema, { io: "output", unrepresentable: "any" }),
        GreekRow: z.toJSONSchema(GreekRowSchema, { io: "output", unrepresentable: "any" }),
        SnapshotPayload: z.toJSONSchema(SnapshotPayloadSchema, { io: "output", unrepresentable: "any" }),
      },
    },
  };
}
