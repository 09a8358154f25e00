import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishedHarness, feedHarness, type FeedHarness } from "../../harness/feed-harness";

const T0 = new Date("2026-11-24T06:15:00Z");


type Body = { data: unknown; snapshot_version: number; oracle_timestamp: string };
type ErrorBody = { error: { code: string; message: string; field?: string; suggestions?: string[] } };

describe("POST /mcp in-process: the official MCP client against the app (tools = REST, errors = REST codes)", () => {
  let h: FeedHarness;
  let client: Client;
  const rest = async (path: string, body?: unknown) => {
    const res = await h.request(path, body === undefined ? {} : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    return { status: res.status, json: (await res.json()) as Body & ErrorBody };
  };
  const call = async (name: string, args: Record<string, unknown>) => (await client.callTool({ name, arguments: args })) as CallToolResult;
  const ok = async (name: string, args: Record<string, unknown>) => {
    const r = await call(name, args);
    expect(r.isError ?? false).toBe(false);
    const text = (r.content[0] as { type: "text"; text: string }).text;
    expect(JSON.parse(text)).toEqual(r.structuredContent);
    return r.structuredContent as Body;
  };
  const err = async (name: string, args: Record<string, unknown>) => {
    const r = await call(name, args);
    expect(r.isError).toBe(true);
    return JSON.parse((r.content[0] as { text: string }).text) as ErrorBody;
  };

  beforeAll(async () => {
    h = await publishedHarness(T0);
    client = new Client({ name: "exostream-test", version: "1.0.0" });
    const fetchApp = ((input: RequestInfo | URL, init?: RequestInit) => h.request(new URL(String(input instanceof Request ? input.url : input)).pathname, init)) as typeof fetch;
    await client.connect(new StreamableHTTPClientTransport(new URL("http://feed.local/mcp"), { fetch: fetchApp }));
  });
  afterAll(async () => {
    await client?.close();
    await h?.dispose();
  });

  it("lists the seven tools of SPEC §6 with JSON Schemas generated from the REST zod schemas", async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(["compare_models", "get_forward_curve", "get_greeks", "get_index", "get_spot_prices", "price_swap", "price_task"]);
    const price = tools.find((t) => t.name === "price_task")!;
    // PriceRequestSchema is strict and requires model; horizon is a union of names and years.
    expect(price.inputSchema).toMatchObject({ type: "object", required: ["model"], additionalProperties: false });
    expect(Object.keys(price.inputSchema.properties!).sort()).toEqual(["cache_ttl", "eta", "horizon", "max_tokens", "mode", "model", "n_in", "n_out", "n_think", "omega", "prompt"]);
    expect(tools.every((t) => t.annotations?.readOnlyHint === true)).toBe(true);
    expect(client.getServerVersion()?.name).toBe("exostream");
  });

  it("price_task answers exactly what POST /v1/price answers (MATH.md §2.4 example: 0.0534, κ 4.45)", async () => {
    const args = { model: "SONNET-4", n_in: 30000, n_out: 800, eta: 0.6 };
    const tool = await ok("price_task", args);
    const r = await rest("/v1/price", args);
    expect(tool).toEqual(r.json);
    const spot = (tool.data as { spot: { cost: number; kappa: number } }).spot;
    expect(spot.cost).toBeCloseTo(0.0534, 12);
    expect(spot.kappa).toBeCloseTo(4.45, 12);
  });

  it("price_task with prompt text is tokenized like REST (tiktoken o200k_base for GPT-4.1)", async () => {
    const args = { model: "GPT-4.1", prompt: "Exostream prices LLM inference like an instrument.", max_tokens: 500 };
    expect(await ok("price_task", args)).toEqual((await rest("/v1/price", args)).json);
  });

  it("compare_models, get_spot_prices, get_greeks, get_forward_curve, get_index, price_swap equal their REST endpoints", async () => {
    const cmp = { n_in: 10000, n_out: 500, eta: 0.5, provider: "openai", horizon: "3M" };
    expect(await ok("compare_models", cmp)).toEqual((await rest("/v1/compare", cmp)).json);
    expect(await ok("get_spot_prices", {})).toEqual((await rest("/v1/spots")).json);
    const two = (await ok("get_spot_prices", { tickers: ["gpt-4.1", "SONNET-4"] })).data as { ticker: string }[];
    expect(two.map((x) => x.ticker)).toEqual(["GPT-4.1", "SONNET-4"]);
    expect(await ok("get_greeks", {})).toEqual((await rest("/v1/greeks")).json);
    expect(await ok("get_greeks", { ticker: "GPT-4.1" })).toEqual((await rest("/v1/models/GPT-4.1")).json);
    expect(await ok("get_forward_curve", { ticker: "GPT-4.1", t: [0.25, 2] })).toEqual((await rest("/v1/forwards/GPT-4.1?t=0.25&t=2")).json);
    expect(await ok("get_index", {})).toEqual((await rest("/v1/index")).json);
    const swap = { underlying: "index", term_months: 6, notional: { kind: "tokens", amount: 1e9 } };
    expect(await ok("price_swap", swap)).toEqual((await rest("/v1/swap", swap)).json);
    const swapT = { underlying: "GPT-4.1", term_months: 3, notional: { kind: "usd", amount: 1000 }, K: 7 };
    expect(await ok("price_swap", swapT)).toEqual((await rest("/v1/swap", swapT)).json);
  });

  it("bad input: isError with the REST error body, code and field", async () => {
    const cases: [string, Record<string, unknown>, string, string][] = [
      ["price_task", { model: "GPT-4.1", n_in: 1000, n_out: 10, eta: 1.5 }, "/v1/price", "E_ETA_RANGE"],
      ["price_task", { model: "GPT-4.1", n_in: "lots" }, "/v1/price", "E_NOT_FINITE"],
      ["price_task", { model: "GPT-4.1", n_in: 1, temperature: 0 }, "/v1/price", "E_UNKNOWN_FIELD"],
      ["price_task", { n_in: 1 }, "/v1/price", "E_MISSING_FIELD"],
      ["price_task", { model: "GPT-4.2", n_in: 1, n_out: 1 }, "/v1/price", "E_UNKNOWN_TICKER"],
      ["compare_models", { n_in: 1000 }, "/v1/compare", "E_SCHEMA"],
      ["price_swap", { underlying: "GPT-4.1", term_months: 0, notional: { kind: "tokens", amount: 1 } }, "/v1/swap", "E_SWAP_TERM"],
    ];
    for (const [name, args, path, code] of cases) {
      const tool = await err(name, args);
      const r = await rest(path, args);
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(tool.error.code).toBe(code);
      expect(tool).toEqual(r.json);
    }
    const fwd = await err("get_forward_curve", { ticker: "GPT-4.1", t: [-1] });
    expect(fwd.error).toMatchObject({ code: "E_NEG_TENOR", field: "t" });
    const unknown = await err("get_greeks", { ticker: "OPUS-4.9" });
    expect(unknown.error.code).toBe("E_UNKNOWN_TICKER");
    expect(unknown.error.suggestions!.length).toBeGreaterThan(0);
  });

  it("an unknown tool is a JSON-RPC error (-32602), not a tool result", async () => {
    await expect(client.callTool({ name: "buy_tokens", arguments: {} })).rejects.toThrow(/-32602|unknown tool/);
  });

  it("GET /mcp is 405 (stateless server: no SSE stream) and PUT is 405 with Allow", async () => {
    const g = await h.request("/mcp", { headers: { accept: "text/event-stream" } });
    expect(g.status).toBe(405);
    expect(g.headers.get("allow")).toBe("POST, OPTIONS");
    const p = await h.request("/mcp", { method: "PUT" });
    expect(p.status).toBe(405);
    expect(((await p.json()) as ErrorBody).error.code).toBe("E_METHOD");
  });
});
