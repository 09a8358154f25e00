import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishedHarness, type FeedHarness } from "../../harness/feed-harness";

const TOKEN = "test-admin-token-0123456789abcdef";
/** Same length as TOKEN, one character different: only the comparison can tell them apart. */
const WRONG = "test-admin-token-0123456789abcdeF";
const T0 = new Date("2026-11-24T06:15:00Z");
const at = (min: number) => new Date(T0.getTime() + min * 60_000);
const signed = { reason: "no provider sells it any more (test)", author: "ops@example.com", date: "2026-11-24" };

type Body = { data?: Record<string, unknown>; error?: { code: string; message: string } };

describe("/v1/admin/*: the authenticated admin API (issue 11 item 4)", () => {
  let h: FeedHarness;
  const call = async (path: string, init: RequestInit & { token?: string; json?: unknown } = {}) => {
    const headers: Record<string, string> = { ...(init.headers as Record<string, string>) };
    if (init.token !== undefined) headers.authorization = `Bearer ${init.token}`;
    if (init.json !== undefined) headers["content-type"] = "application/json";
    const body = init.json !== undefined ? JSON.stringify(init.json) : init.body;
    const res = await h.request(path, { method: init.method ?? (body ? "POST" : "GET"), headers, body });
    const text = await res.text();
    return { res, text, body: JSON.parse(text) as Body };
  };
  const curate = (json: unknown, token = TOKEN) => call("/v1/admin/curation", { token, json });
  const count = async (table: string) =>
    (await h.env.DB.prepare(`SELECT COUNT(*) AS n FROM ${table}`).first<{ n: number }>())!.n;
  const counts = async () => [await count("admin_audit"), await count("curation"), await count("changes")];

  beforeAll(async () => {
    h = await publishedHarness(T0);
  });
  afterAll(() => h.dispose());

  it("is off without the ADMIN_TOKEN secret (or with one under 16 characters): 404 E_ADMIN_DISABLED, saying how", async () => {
    for (const secret of [undefined, "", "too-short"]) {
      h.env.ADMIN_TOKEN = secret;
      for (const r of [await curate({ action: "family" }), await call("/v1/admin/audit", { token: TOKEN })]) {
        expect([r.res.status, r.body.error?.code]).toEqual([404, "E_ADMIN_DISABLED"]);
        expect(r.body.error?.message).toMatch(/ADMIN_TOKEN.*\.dev\.vars.*wrangler secret put ADMIN_TOKEN/);
      }
    }
    h.env.ADMIN_TOKEN = TOKEN;
  });

  it("401 E_ADMIN_UNAUTHORIZED for a wrong token of the same length, a missing or a non-Bearer one, alike", async () => {
    const tries = [
      await curate({ action: "family" }, WRONG),
      await call("/v1/admin/audit", { token: WRONG }),
      await call("/v1/admin/audit"),
      await call("/v1/admin/audit", { headers: { authorization: `Basic ${btoa(`admin:${TOKEN}`)}` } }),
    ];
    for (const r of tries) {
      expect([r.res.status, r.body.error?.code]).toEqual([401, "E_ADMIN_UNAUTHORIZED"]);
      expect(r.res.headers.get("www-authenticate")).toBe('Bearer realm="exostream-admin"');
      expect(r.text).not.toContain(WRONG);
      expect(r.text).not.toContain(TOKEN);
    }
    // One message for every case: nothing says which part was wrong.
    expect(new Set(tries.map((r) => r.body.error?.message)).size).toBe(1);
    expect(await count("admin_audit")).toBe(0);
  });

  it("a bad body is a stable E_ code with nothing written (schema, media type, JSON, size)", async () => {
    const before = await counts();
    const bad = [
      [await curate({ action: "lifecycle", ticker: "GPT-4", status: "retired", ...signed, reason: "short" }), 400],
      [await curate({ action: "lifecycle", ticker: "GPT-4", status: "gone", ...signed }), 400],
      [await curate({ action: "exclude-history-event", ticker: "GPT-4", ...signed }), 400],
      [await curate({ action: "family", ticker: "GPT-4", family: "x", ...signed, extra: 1 }), 400],
      [await call("/v1/admin/curation", { token: TOKEN, method: "POST", body: "{}" }), 415],
      [
        await call("/v1/admin/curation", { token: TOKEN, headers: { "content-type": "application/json" }, body: "{" }),
        400,
      ],
      [await curate({ action: "family", ticker: "GPT-4", family: "x", ...signed, reason: "x".repeat(17_000) }), 413],
    ] as const;
    expect(bad.map(([r]) => [r.res.status, r.body.error?.code])).toEqual([
      [400, "E_BAD_TYPE"],
      [400, "E_BAD_TYPE"],
      [400, "E_BAD_TYPE"],
      [400, "E_UNKNOWN_FIELD"],
      [415, "E_UNSUPPORTED_MEDIA"],
      [400, "E_BAD_JSON"],
      [413, "E_BODY_TOO_LARGE"],
    ]);
    expect(await counts()).toEqual(before);
  });

  it("a well-formed action the universe refuses is audited as refused, and changes nothing else", async () => {
    const before = await counts();
    const unknown = await curate({ action: "lifecycle", ticker: "GPT-4.2", status: "retired", ...signed });
    expect([unknown.res.status, unknown.body.error?.code]).toEqual([404, "E_UNKNOWN_TICKER"]);
    const curated = await curate({ action: "reject-listing", ticker: "O3", ...signed });
    expect([curated.res.status, curated.body.error?.code]).toEqual([409, "E_ADMIN_CONFLICT"]);
    expect(await counts()).toEqual([before[0]! + 2, before[1], before[2]]);
    const audit = await call("/v1/admin/audit", { token: TOKEN });
    const entries = audit.body.data!.entries as { action: string; outcome: string }[];
    expect(entries.slice(-2).map((e) => [e.action, e.outcome])).toEqual([
      ["lifecycle", "refused: E_UNKNOWN_TICKER"],
      ["reject-listing", "refused: E_ADMIN_CONFLICT"],
    ]);
  });

  it("a lifecycle and a family land in the audit log, /v1/changes and the next snapshot", async () => {
    const retire = { action: "lifecycle", ticker: "GPT-4", status: "retired", on: "2026-03-26", ...signed };
    const r1 = await curate(retire);
    expect(r1.res.status).toBe(201);
    expect(r1.res.headers.get("cache-control")).toBe("no-store");
    expect(r1.body.data!.takes_effect).toMatch(/snapshot v2 carries it/);
    const r2 = await curate({ action: "family", ticker: "O3", family: "openai-o", ...signed });
    expect(r2.res.status).toBe(201);

    // The audit log names the token by the first 8 hex digits of its sha256, never by the token.
    const audit = await call("/v1/admin/audit", { token: TOKEN });
    const last = (audit.body.data!.entries as { token_fingerprint: string; outcome: string; body: unknown }[]).at(-2)!;
    const fingerprint = createHash("sha256").update(TOKEN).digest("hex").slice(0, 8);
    expect([last.token_fingerprint, last.outcome, last.body]).toEqual([fingerprint, "applied", retire]);
    expect(audit.text).not.toContain(TOKEN);

    // The family is in the public change feed at once, stamped with the version that will carry it.
    type Ev = { ticker: string; version: number; effective_at: string; detail: Record<string, unknown> };
    const curationEvents = async () =>
      ((await call("/v1/changes?kind=curation")).body.data!.changes as Ev[]).map((e) => [
        e.ticker,
        e.version,
        e.effective_at,
        e.detail.action,
        e.detail.reason,
      ]);
    const family = ["O3", 2, "2026-11-24", "family", signed.reason];
    expect(await curationEvents()).toEqual([family]);

    // Ten minutes later (no heartbeat due, no price moved) the pending curation alone makes the run publish.
    const run = await h.run({ now: at(10) });
    expect([run.published, run.version, run.reason]).toEqual([true, 2, "prices, statuses or curation changed"]);
    const gpt4 = (await call("/v1/models/GPT-4")).body.data as { lifecycle: string; retired_at: string };
    expect([gpt4.lifecycle, gpt4.retired_at]).toEqual(["retired", "2026-03-26"]);
    // The lifecycle is published by the run that moved the universe row (the store's lifecycle move, kind curation).
    expect(await curationEvents()).toEqual([family, ["GPT-4", 2, "2026-03-26", "lifecycle", signed.reason]]);
    const row = await h.env.DB.prepare("SELECT lifecycle, manual FROM universe WHERE ticker = 'GPT-4'").first();
    expect(row).toEqual({ lifecycle: "retired", manual: 1 });
    expect(((await call("/v1/models/O3")).body.data as { family: string }).family).toBe("openai-o");
    // Applied, it stays applied; nothing is pending, so the next run has nothing to publish.
    const quiet = await h.run({ now: at(20) });
    expect([quiet.published, quiet.reason]).toEqual([false, "nothing changed; heartbeat not due"]);
    const still = (await call("/v1/models/GPT-4")).body.data as { lifecycle: string };
    expect(still.lifecycle).toBe("retired");
  });

  it("the audit log is append-only: D1 refuses an UPDATE or DELETE of it", async () => {
    const n = await count("admin_audit");
    expect(n).toBeGreaterThan(0);
    await expect(h.env.DB.prepare("UPDATE admin_audit SET outcome = 'x'").run()).rejects.toThrow(/append-only/);
    await expect(h.env.DB.prepare("DELETE FROM admin_audit").run()).rejects.toThrow(/append-only/);
    expect(await count("admin_audit")).toBe(n);
  });

  it("/v1/openapi.json lists both admin routes behind a bearer scheme, with the action schema", async () => {
    type Doc = {
      paths: Record<string, Record<string, { security?: unknown }>>;
      components: { schemas: Record<string, unknown>; securitySchemes: Record<string, { scheme: string }> };
    };
    const doc = JSON.parse((await call("/v1/openapi.json")).text) as Doc;
    expect(doc.paths["/v1/admin/curation"]!.post!.security).toEqual([{ adminToken: [] }]);
    expect(doc.paths["/v1/admin/audit"]!.get!.security).toEqual([{ adminToken: [] }]);
    expect(doc.components.securitySchemes.adminToken!.scheme).toBe("bearer");
    const actions = JSON.stringify(doc.components.schemas.AdminCuration).match(/"const":"[a-z-]+"/g);
    expect(actions).toEqual(
      ["lifecycle", "ticker-alias", "prefer-source", "family", "reject-listing"].map((a) => `"const":"${a}"`),
    );
  });

  it("pages the audit log; a wrong method is 405 with Allow", async () => {
    const page = await call("/v1/admin/audit?limit=1", { token: TOKEN });
    expect(page.body.data!.has_more).toBe(true);
    expect((page.body.data!.entries as unknown[]).length).toBe(1);
    const next = await call(`/v1/admin/audit?after_id=${page.body.data!.next_after_id}&limit=500`, { token: TOKEN });
    expect((next.body.data!.entries as unknown[]).length).toBe((await count("admin_audit")) - 1);
    expect((await call("/v1/admin/audit?limit=0", { token: TOKEN })).body.error?.code).toBe("E_BAD_QUERY");
    const wrong = await call("/v1/admin/curation", { token: TOKEN });
    expect([wrong.res.status, wrong.body.error?.code, wrong.res.headers.get("allow")]).toEqual([
      405,
      "E_METHOD",
      "POST, OPTIONS",
    ]);
  });
});
