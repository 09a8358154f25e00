// The hostile requests of the standing probe suite, by category. Body, parameter and method probes are generated
// from the feed's own /v1/openapi.json (and the MCP tool list), so a new endpoint is probed without new test code.

/** One probe: a request and, where the category demands one, the status or error code it must get. */
export interface Probe {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Statuses any of which passes (else: any non-5xx with a coded error passes). */
  status?: number[];
  /** The error code the answer must carry (REST `error.code` or JSON-RPC `error.data.code`). */
  code?: string;
}

type Schema = { type?: string | string[]; properties?: Record<string, Schema>; $ref?: string; required?: string[] };
type Operation = {
  parameters?: { name: string; in: string; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
};
export type OpenApi = {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
};

const JSON_TYPE = { "content-type": "application/json" };
const deep = (n: number) => "[".repeat(n) + "]".repeat(n);

/** A concrete path for an OpenAPI template: every {param} filled with `value`. */
const fill = (template: string, value: string) => template.replace(/\{[^}]+\}/g, value);

function resolveSchema(doc: OpenApi, s: Schema | undefined): Schema | undefined {
  if (!s?.$ref) return s;
  return doc.components?.schemas?.[s.$ref.split("/").pop()!];
}

/** A value of the wrong JSON type for a property of this schema type. */
function wrongValue(s: Schema): unknown {
  const t = Array.isArray(s.type) ? s.type[0] : s.type;
  if (t === "number" || t === "integer") return "12";
  if (t === "string") return 12;
  if (t === "array") return { not: "an array" };
  if (t === "object") return [1];
  return { unexpected: true };
}

/** POST bodies for each operation with a JSON request body: malformed, wrong-typed, oversized, prototype keys. */
export function bodyProbes(doc: OpenApi): Probe[] {
  const out: Probe[] = [];
  for (const [template, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const schema = resolveSchema(doc, op.requestBody?.content?.["application/json"]?.schema);
      if (!schema) continue;
      const path = fill(template, "GPT-4.1");
      const m = method.toUpperCase();
      // MCP's transport answers 406 to a client that does not accept both JSON and SSE: send what a client sends.
      const accept: Record<string, string> = path === "/mcp" ? { accept: "application/json, text/event-stream" } : {};
      const post = (
        body: string,
        headers: Record<string, string> = JSON_TYPE,
        status?: number[],
        code?: string,
      ): Probe => ({ method: m, path, headers: { ...headers, ...accept }, body, status, code });
      out.push(
        post("{not json", JSON_TYPE, [400], "E_BAD_JSON"),
        post("[]", JSON_TYPE, [400]),
        post("null", JSON_TYPE, [400]),
        post('"text"', JSON_TYPE, [400]),
        post(deep(5000), JSON_TYPE, [400]),
        post(JSON.stringify({ pad: "x".repeat(17_000) }), JSON_TYPE, [413], "E_BODY_TOO_LARGE"),
        post("{}", { "content-type": "text/plain" }, [415], "E_UNSUPPORTED_MEDIA"),
        post("{}", { "content-type": "application/json-evil" }, [415], "E_UNSUPPORTED_MEDIA"),
        post("{}", {}, [415], "E_UNSUPPORTED_MEDIA"),
        post('{"__proto__":{"polluted":true}}', JSON_TYPE, [400]),
        post('{"constructor":{"prototype":{"polluted":true}}}', JSON_TYPE, [400]),
        post(JSON.stringify({ definitely_not_a_field: 1 }), JSON_TYPE, [400]),
      );
      for (const [name, prop] of Object.entries(schema.properties ?? {})) {
        const p = resolveSchema(doc, prop) ?? {};
        out.push(post(JSON.stringify({ [name]: wrongValue(p) }), JSON_TYPE, [400]));
        out.push(post(JSON.stringify({ [name]: "x".repeat(10_000) }), JSON_TYPE, [400, 404]));
        out.push(post(`{"${name}":1e400}`, JSON_TYPE, [400]));
      }
    }
  }
  return out;
}

const NASTY_SEGMENTS = [
  "x".repeat(60_000),
  "%00",
  "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
  "..%2f..%2fwrangler.toml",
  "%E0%A4%A",
  "<script>",
  "'--",
  "__proto__",
  "constructor",
  "%F0%9F%92%A9",
  " ",
];
const NASTY_QUERY = ["0x10", "1e400", "-1", "NaN", "Infinity", "2025-02-30", "", "%00", "x".repeat(5000), "[]", "{}"];

/** GETs for each templated path with hostile path segments, and each query parameter with hostile values. */
export function parameterProbes(doc: OpenApi): Probe[] {
  const out: Probe[] = [];
  for (const [template, ops] of Object.entries(doc.paths)) {
    const get = ops.get;
    if (!get) continue;
    // 401 where the path needs a secret first (GET /v1/webhooks/{id}).
    if (template.includes("{"))
      for (const seg of NASTY_SEGMENTS) out.push({ method: "GET", path: fill(template, seg), status: [400, 401, 404] });
    for (const p of get.parameters ?? []) {
      if (p.in !== "query") continue;
      for (const v of NASTY_QUERY) {
        const pair = `${p.name}=${encodeURIComponent(v)}`;
        const path = `${fill(template, "GPT-4.1")}?${pair}&${pair}`;
        out.push({ method: "GET", path, status: [200, 304, 400, 404] });
      }
    }
  }
  return out;
}

/** Every method an operation does not declare is 405 E_METHOD with Allow; OPTIONS is a CORS preflight. */
export function methodProbes(doc: OpenApi): Probe[] {
  const out: Probe[] = [];
  for (const [template, ops] of Object.entries(doc.paths)) {
    const path = fill(template, "GPT-4.1");
    const declared = Object.keys(ops).map((m) => m.toUpperCase());
    for (const m of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
      if (declared.includes(m) || (m === "GET" && declared.includes("HEAD"))) continue;
      out.push({
        method: m,
        path,
        headers: JSON_TYPE,
        body: m === "GET" ? undefined : "{}",
        status: [405],
        code: "E_METHOD",
      });
    }
    const preflight = { origin: "https://evil.example", "access-control-request-method": declared[0] ?? "GET" };
    out.push({ method: "OPTIONS", path, headers: preflight, status: [204] });
  }
  return out;
}

/** Paths that must never reach a file or a secret: traversal, dotfiles, config, state, sources. */
export const SECRET_PATHS = [
  "/.env",
  "/.dev.vars",
  "/.git/config",
  "/.git/HEAD",
  "/wrangler.toml",
  "/package.json",
  "/.exostream/state",
  "/.wrangler/state/v3/kv",
  "/feed-worker/index.ts",
  "/node_modules/wrangler/package.json",
  "/v1/../wrangler.toml",
  "/v1/%2e%2e/wrangler.toml",
  "/%2e%2e/%2e%2e/etc/passwd",
  "//v1/spots",
  "/v1//spots",
  "/v1/spots/",
  "/v1/SPOTS",
  "/v1/spots;.json",
  "/v1/spots%00",
  "/.well-known/../wrangler.toml",
  "/embed/../wrangler.toml",
  "/mcp/../.env",
  "/v1/webhooks/..%2f..%2f",
  "/.well-known/exostream-keys.json/..%2fsigning-key",
];

/** JSON-RPC and MCP messages that break the protocol's rules, plus generated tool calls with wrong-typed arguments. */
export function mcpProbes(tools: { name: string; inputSchema: Schema }[]): Probe[] {
  const H = { "content-type": "application/json", accept: "application/json, text/event-stream" };
  const rpc = (body: unknown, status: number[], code?: string, headers: Record<string, string> = H): Probe => ({
    method: "POST",
    path: "/mcp",
    headers,
    body: typeof body === "string" ? body : JSON.stringify(body),
    status,
    code,
  });
  const call = (id: number, name: unknown, args?: unknown) => ({
    jsonrpc: "2.0",
    id,
    method: "tools/call",
    params: { name, arguments: args },
  });
  const out: Probe[] = [
    rpc(
      Array.from({ length: 150 }, (_, i) => call(i, "get_greeks", {})),
      [400],
      "E_MCP_BATCH",
    ),
    rpc("{bad", [400], "E_BAD_JSON"),
    rpc({ hello: "world" }, [400], "E_BAD_JSONRPC"),
    rpc({ jsonrpc: "1.0", id: 1, method: "ping" }, [400], "E_BAD_JSONRPC"),
    rpc(call(1, 5), [200], "E_BAD_TYPE"),
    rpc(call(1, "get_greeks", "x"), [200], "E_BAD_TYPE"),
    rpc(call(1, "buy_tokens", {}), [200], "E_UNKNOWN_TOOL"),
    rpc({ jsonrpc: "2.0", id: 1, method: "resources/list" }, [200], "E_UNKNOWN_METHOD"),
    rpc({ jsonrpc: "2.0", id: 1, method: "tools/list" }, [400], "E_MCP_PROTOCOL_VERSION", {
      ...H,
      "mcp-protocol-version": "1999-01-01",
    }),
    rpc(
      '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"price_task",' +
        '"arguments":{"model":"GPT-4.1","n_in":1,"__proto__":{"x":1}}}}',
      [200],
      "E_UNKNOWN_FIELD",
    ),
    rpc({ jsonrpc: "2.0", id: 1, method: "tools/list" }, [406], undefined, {
      "content-type": "application/json",
      accept: "text/html",
    }),
    rpc({ pad: "x".repeat(17_000) }, [413], "E_BODY_TOO_LARGE"),
    { method: "GET", path: "/mcp", status: [405], code: "E_METHOD" },
  ];
  for (const t of tools) {
    // A tool with required arguments reports the missing one first: any code will do, as long as there is one.
    out.push(rpc(call(100, t.name, { definitely_not_a_field: 1 }), [200]));
    for (const [name, p] of Object.entries(t.inputSchema.properties ?? {}))
      out.push(rpc(call(101, t.name, { [name]: wrongValue(p) }), [200]));
  }
  return out;
}

/**
 * The webhook URLs the outside probe found accepted, plus the classic SSRF targets: each must be 400 E_BAD_URL. The
 * loopback forms (localhost., 127.1, 0x7f000001, …) are refused in production only (outside it a local receiver is
 * allowed), so feed-worker/webhooks/url-policy.test.ts checks them with ENVIRONMENT=production.
 */
export const SSRF_URLS = [
  "https://metadata.google.internal./",
  "https://printer.local./",
  "https://[::127.0.0.1]/",
  "https://[64:ff9b::a9fe:a9fe]/",
  "https://[2002:a9fe:a9fe::]/",
  "https://[fec0::1]/",
  "https://[ff02::1]/",
  "https://198.18.0.1/",
  "https://192.0.0.1/",
  "https://169.254.169.254/latest/meta-data/",
  "https://[::ffff:a9fe:a9fe]/",
  "https://0xa9fea9fe/",
  "https://2852039166/",
  "https://10.1/",
  "https://10.0.0.1/",
  "https://[fd00::1]/",
  "https://metadata/",
  "https://METADATA.GOOGLE.INTERNAL/",
  "http://hooks.example.com/",
  "file:///etc/passwd",
  "gopher://x/",
  "https://user:pw@hooks.example.com/",
];
