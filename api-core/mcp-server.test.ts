import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { get_encoding, type TiktokenEncoding } from "tiktoken";
import { afterEach, describe, expect, it } from "vitest";
import { payloadFor } from "../test/sdk/snapshot-fixture";
import { ApiError } from "./api-error";
import { apiState, type ApiState } from "./api-state";
import { priceBody } from "./compute-handlers";
import { createMcpServer } from "./mcp-server";
import type { ToolHost } from "./mcp-tools";
import { spotsBody } from "./read-handlers";

const s = apiState(payloadFor());
const countTokens: ToolHost["countTokens"] = async (encoding, text) => {
  const enc = get_encoding(encoding as TiktokenEncoding);
  try {
    return enc.encode_ordinary(text).length;
  } finally {
    enc.free();
  }
};

let client: Client | undefined;
afterEach(async () => {
  await client?.close();
  client = undefined;
});

/** The official MCP client connected in memory to api-core's server (no HTTP, no stdio: the transports add nothing). */
async function connect(state: () => Promise<ApiState>): Promise<Client> {
  const [a, b] = InMemoryTransport.createLinkedPair();
  await createMcpServer({ state, countTokens }).connect(a);
  client = new Client({ name: "api-core-test", version: "1.0.0" });
  await client.connect(b);
  return client;
}

const call = async (c: Client, name: string, args: Record<string, unknown>) =>
  (await c.callTool({ name, arguments: args })) as CallToolResult;
const text = (r: CallToolResult) => JSON.parse((r.content[0] as { text: string }).text) as unknown;

describe("createMcpServer: the one tool table both MCP servers connect", () => {
  it("lists the seven tools, read-only, with input schemas from the zod schemas that parse them", async () => {
    const c = await connect(async () => s);
    const { tools } = await c.listTools();
    expect(tools.map((t) => t.name)).toEqual([
      "get_spot_prices",
      "get_greeks",
      "price_task",
      "compare_models",
      "get_forward_curve",
      "get_index",
      "price_swap",
    ]);
    expect(tools.every((t) => t.annotations?.readOnlyHint === true && t.inputSchema.type === "object")).toBe(true);
    expect(tools.find((t) => t.name === "get_forward_curve")!.inputSchema).toMatchObject({
      required: ["ticker"],
      additionalProperties: false,
    });
    expect(c.getServerVersion()).toMatchObject({ name: "exostream", version: "0.1.0" });
  });

  it("a tool answers what its handler answers (the REST body), as text and as structured content", async () => {
    const c = await connect(async () => s);
    const args = { model: "SONNET-4", n_in: 30000, n_out: 800, eta: 0.6 };
    const r = await call(c, "price_task", args);
    expect(r.isError ?? false).toBe(false);
    expect(r.structuredContent).toEqual(await priceBody(s, args, countTokens));
    expect(text(r)).toEqual(r.structuredContent);
    expect((r.structuredContent as { data: { spot: { cost: number } } }).data.spot.cost).toBeCloseTo(0.0534, 12);
    expect((await call(c, "get_spot_prices", { provider: "OpenAI" })).structuredContent).toEqual(
      spotsBody(s, { provider: "openai" }),
    );
  });

  it("bad arguments and rule errors: results with REST's error body; an unknown tool: a protocol error", async () => {
    const c = await connect(async () => s);
    const eta = await call(c, "price_task", { model: "GPT-4.1", n_in: 1000, n_out: 10, eta: 1.5 });
    expect(eta.isError).toBe(true);
    expect(text(eta)).toMatchObject({ error: { code: "E_ETA_RANGE", field: "eta" } });
    expect(text(await call(c, "price_task", { model: "GPT-4.1", n_in: 1, temperature: 0 }))).toEqual({
      error: { code: "E_UNKNOWN_FIELD", message: "unknown field(s): temperature", field: "temperature" },
    });
    const unknown = text(await call(c, "get_greeks", { ticker: "OPUS-4.9" })) as {
      error: { code: string; suggestions: string[] };
    };
    expect(unknown.error.code).toBe("E_UNKNOWN_TICKER");
    // One edit away: OPUS-4.1, 4.5, 4.6, 4.7, 4.8; the first three by name.
    expect(unknown.error.suggestions).toEqual(["OPUS-4.1", "OPUS-4.5", "OPUS-4.6"]);
    // The fixture has no index yet: 503's code, without the status.
    expect(text(await call(c, "get_index", {}))).toMatchObject({ error: { code: "E_NO_INDEX" } });
    await expect(c.callTool({ name: "buy_tokens", arguments: {} })).rejects.toThrow(/-32602|unknown tool/);
  });

  it("arguments are parsed before the state is read (as REST parses first); uncoded errors say nothing", async () => {
    let reads = 0;
    const c = await connect(async () => {
      reads++;
      throw new ApiError(503, "E_NO_SNAPSHOT", "no snapshot yet");
    });
    expect(text(await call(c, "price_task", { model: 7 }))).toMatchObject({
      error: { code: "E_BAD_TYPE", field: "model" },
    });
    expect(reads).toBe(0);
    expect(text(await call(c, "get_index", {}))).toEqual({
      error: { code: "E_NO_SNAPSHOT", message: "no snapshot yet" },
    });
    const broken = await connect(async () => {
      throw new TypeError("secret detail at /src/x.ts:1");
    });
    expect(text(await call(broken, "get_index", {}))).toEqual({
      error: { code: "E_INTERNAL", message: "internal error; the published snapshot is unaffected" },
    });
  });
});

describe("createMcpServer: JSON-RPC error rules on any transport (stdio as HTTP)", () => {
  /** Sends raw messages over an in-memory pair (as a stdio client would) and collects the replies. */
  async function raw(msgs: unknown[]): Promise<{ id: unknown; error?: { code: number; data?: { code: string } } }[]> {
    const [a, b] = InMemoryTransport.createLinkedPair();
    await createMcpServer({ state: async () => s, countTokens }).connect(a);
    const replies: unknown[] = [];
    b.onmessage = (m) => void replies.push(m);
    await b.start();
    for (const m of msgs) await b.send(m as never);
    await new Promise((r) => setTimeout(r, 50));
    await b.close();
    return replies as never;
  }

  it("bad params are -32602 with E_BAD_TYPE; __proto__ in arguments is -32602 with E_UNKNOWN_FIELD", async () => {
    const proto = JSON.parse('{"model":"GPT-4.1","n_in":1,"n_out":1,"__proto__":{"polluted":1}}') as unknown;
    const replies = await raw([
      { jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: 42 } },
      { jsonrpc: "2.0", id: 2, method: "tools/call", params: { name: "price_task", arguments: proto } },
    ]);
    expect(replies.map((r) => [r.id, r.error?.code, r.error?.data?.code])).toEqual([
      [1, -32602, "E_BAD_TYPE"],
      [2, -32602, "E_UNKNOWN_FIELD"],
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
