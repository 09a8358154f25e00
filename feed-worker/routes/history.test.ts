import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishedHarness, feedHarness, type FeedHarness } from "../../harness/feed-harness";
import history from "../../data/history.json";

const T0 = new Date("2026-11-24T06:15:00Z");

const COLUMNS = [
  "ticker",
  "family",
  "field",
  "value",
  "effective_at",
  "observed_at",
  "kind",
  "source",
  "provenance",
  "confidence",
  "raw_sha256",
  "note",
];

type Obs = {
  ticker: string;
  field: string;
  value: number;
  effective_at: string;
  observed_at: string;
  kind: string;
  source: string;
  provenance: string;
  confidence: string;
};
type HistoryBody = { data: Obs[]; ticker: string; oracle_timestamp: string; snapshot_version: number };
type ErrorBody = { error: { code: string; message: string; field?: string } };

/** RFC 4180 records (quoted cells may hold commas, quotes and newlines). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") row.push(cell), (cell = "");
    else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(cell), rows.push(row), (row = []), (cell = ""), i++;
    } else cell += ch;
  }
  if (cell !== "" || row.length) row.push(cell), rows.push(row);
  return rows;
}

/** The bundled history's observations of one ticker (the D1 table is seeded from this file). */
const bundled = (ticker: string) => history.observations.filter((o) => o.ticker === ticker);

describe("GET /v1/history/:ticker", () => {
  let h: FeedHarness;
  const get = async (path: string, init?: RequestInit) => {
    const res = await h.request(path, init);
    return { res, text: await res.text() };
  };
  const json = async (path: string) => {
    const { res, text } = await get(path);
    return { res, body: JSON.parse(text) as HistoryBody & ErrorBody };
  };

  beforeAll(async () => {
    h = await publishedHarness(T0);
  });
  afterAll(() => h.dispose());

  it("JSON: GPT-4.1's three launch observations (output 8, input 2, cache read 0.5) with provenance", async () => {
    const { res, body } = await json("/v1/history/gpt-4.1");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("vary")).toMatch(/Accept/);
    expect(body.snapshot_version).toBe(1);
    expect(body.oracle_timestamp).toBe(T0.toISOString());
    expect(body.ticker).toBe("GPT-4.1");
    expect(body.data.length).toBe(bundled("GPT-4.1").length);
    expect(body.data.map((o) => [o.field, o.value, o.effective_at]).sort()).toEqual([
      ["cache_read", 0.5, "2025-04-14"],
      ["input", 2, "2025-04-14"],
      ["output", 8, "2025-04-14"],
    ]);
    for (const o of body.data) {
      expect(o.provenance).toBe("historical:public-record");
      expect(o.source).toMatch(/GPT-4\.1/);
      expect(o.kind).toBe("launch");
    }
  });

  it("rows are sorted by effective date (GPT-4o: launch 2024-05-13, cut 2024-08-06)", async () => {
    const { body } = await json("/v1/history/GPT-4O");
    const dates = body.data.map((o) => o.effective_at);
    expect(dates).toEqual([...dates].sort());
    expect(dates.length).toBe(bundled("GPT-4O").length);
    expect(dates[0]).toBe("2024-05-13");
    expect(dates.at(-1)).toBe("2024-08-06");
    expect(body.data.filter((o) => o.field === "output").map((o) => o.value)).toEqual([15, 10]);
  });

  it("CSV with Accept: text/csv: the header line, then as many records as the JSON has", async () => {
    for (const ticker of ["GPT-4.1", "GPT-4O", "DEEPSEEK-V3"]) {
      const { body } = await json(`/v1/history/${ticker}`);
      const { res, text } = await get(`/v1/history/${ticker}`, { headers: { accept: "text/csv" } });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(res.headers.get("vary")).toMatch(/Accept/);
      expect(text.split("\r\n")[0]).toBe(COLUMNS.join(","));
      const records = parseCsv(text);
      expect(records[0]).toEqual(COLUMNS);
      expect(records.length - 1).toBe(body.data.length);
      for (const [i, r] of records.slice(1).entries()) {
        expect(r).toHaveLength(COLUMNS.length);
        const o = body.data[i]!;
        expect([r[0], r[2], Number(r[3]), r[4], r[8]]).toEqual([
          o.ticker,
          o.field,
          o.value,
          o.effective_at,
          o.provenance,
        ]);
      }
    }
    // ?format=csv is the same document.
    const a = await get("/v1/history/GPT-4O", { headers: { accept: "text/csv" } });
    const b = await get("/v1/history/GPT-4O?format=csv");
    expect(b.text).toBe(a.text);
  });

  it.each([
    ["field=output", ["2024-05-13", "2024-08-06"], [15, 10]],
    ["from=2024-08-01", ["2024-08-06", "2024-08-06", "2024-08-06"], [10, 2.5, 1.25]],
    ["to=2024-05-13", ["2024-05-13", "2024-05-13"], [15, 5]],
    ["from=2024-06-01&to=2024-07-31", [], []],
    ["field=input&from=2024-08-06&to=2024-08-06", ["2024-08-06"], [2.5]],
  ])("GPT-4O ?%s filters by field and inclusive effective dates", async (q, dates, values) => {
    const { res, body } = await json(`/v1/history/GPT-4O?${q}`);
    expect(res.status).toBe(200);
    expect(body.data.map((o) => o.effective_at)).toEqual(dates);
    expect(body.data.map((o) => o.value)).toEqual(values);
  });

  it.each([
    ["from=2025-13-01", "E_BAD_DATE", "from"],
    ["from=2025-02-30", "E_BAD_DATE", "from"],
    ["to=yesterday", "E_BAD_DATE", "to"],
    ["to=2025-1-1", "E_BAD_DATE", "to"],
    ["from=", "E_BAD_DATE", "from"],
    ["field=price", "E_BAD_QUERY", "field"],
  ])("?%s → 400 %s", async (q, code, field) => {
    const { res, body } = await json(`/v1/history/GPT-4.1?${q}`);
    expect(res.status).toBe(400);
    expect(body.error).toMatchObject({ code, field });
  });

  it("an unknown ticker → 404 E_UNKNOWN_TICKER", async () => {
    const { res, body } = await json("/v1/history/GPT-4.2");
    expect(res.status).toBe(404);
    expect(body.error.code).toBe("E_UNKNOWN_TICKER");
  });

  it("JSON and CSV carry different ETags, and each revalidates to 304", async () => {
    const j = await h.request("/v1/history/GPT-4O");
    const c = await h.request("/v1/history/GPT-4O", { headers: { accept: "text/csv" } });
    const [ej, ec] = [j.headers.get("etag")!, c.headers.get("etag")!];
    expect(ej).not.toBe(ec);
    expect((await h.request("/v1/history/GPT-4O", { headers: { "if-none-match": ej } })).status).toBe(304);
    expect(
      (await h.request("/v1/history/GPT-4O", { headers: { "if-none-match": ec, accept: "text/csv" } })).status,
    ).toBe(304);
    expect(
      (await h.request("/v1/history/GPT-4O", { headers: { "if-none-match": ej, accept: "text/csv" } })).status,
    ).toBe(200);
  });
});
