import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { SHARED_DIR } from "./shared-path";

/** ../shared/reference/replay: real day-by-day copies of genai-prices (v1, v2) and llm-prices (vendor files). */
export const REPLAY_DIR = join(SHARED_DIR, "reference/replay");

export type ArchiveId = "genai-prices-v1" | "genai-prices-v2" | "llm-prices";

/** One archive folder: its dated files (the last version of each UTC day) and their upstream commits. */
export interface Archive {
  id: ArchiveId;
  /** Sorted YYYY-MM-DD dates with a file. */
  days: string[];
  commits: Map<string, string>;
}

/** Lists an archive folder (dates from the file names, commits from COMMITS.txt). */
export function readArchive(id: ArchiveId, dir = REPLAY_DIR): Archive {
  const folder = join(dir, id);
  const days = readdirSync(folder)
    .filter((f) => /^\d{4}-\d{2}-\d{2}\.json\.gz$/.test(f))
    .map((f) => f.slice(0, 10))
    .sort();
  const commits = new Map<string, string>();
  for (const line of readFileSync(join(folder, "COMMITS.txt"), "utf8").split("\n")) {
    const [day, sha] = line.trim().split(/\s+/);
    if (day && sha) commits.set(day, sha);
  }
  return { id, days, commits };
}

/** The date of the copy in effect on `day`: the last file dated on or before it (null before the first). */
export function dayInEffect(archive: Archive, day: string): string | null {
  let hit: string | null = null;
  for (const d of archive.days) {
    if (d > day) break;
    hit = d;
  }
  return hit;
}

const cache = new Map<string, string>();

/** The text of an archive's file for one date (gunzipped, cached). */
export function archiveText(id: ArchiveId, date: string, dir = REPLAY_DIR): string {
  const path = join(dir, id, `${date}.json.gz`);
  let text = cache.get(path);
  if (text === undefined) {
    text = gunzipSync(readFileSync(path)).toString("utf8");
    cache.set(path, text);
  }
  return text;
}

interface PricePeriod {
  input: number | null;
  output: number | null;
  input_cached?: number | null;
  from_date: string | null;
  to_date: string | null;
}
interface VendorFile {
  vendor: string;
  models: { id: string; name: string; price_history: PricePeriod[] }[];
}

/**
 * The period of a model's price history in force on `day`: from_date ≤ day < to_date (open ends), the latest
 * start winning; else the open-ended one (the upstream build's "to_date is null").
 */
function periodOn(history: PricePeriod[], day: string): PricePeriod | undefined {
  const inForce = history
    .filter((p) => (p.from_date ?? "") <= day && (p.to_date === null || day < p.to_date))
    .sort((a, b) => (b.from_date ?? "").localeCompare(a.from_date ?? ""));
  return inForce[0] ?? history.find((p) => p.to_date === null);
}

/**
 * Builds llm-prices.com's `current-v1.json` and `historical-v1.json` from the vendor files of one archived commit,
 * as the upstream's scripts/build.py does (vendor files in name order; current = the period in effect on `day`).
 */
export function buildLlmPricesSite(text: string, day: string): { current: string; historical: string } {
  const { files } = JSON.parse(text) as { commit: string; files: Record<string, VendorFile> };
  const current: Record<string, unknown>[] = [];
  const historical: Record<string, unknown>[] = [];
  for (const name of Object.keys(files).sort()) {
    const v = files[name]!;
    for (const m of v.models) {
      const p = periodOn(m.price_history, day);
      const row = { id: m.id, vendor: v.vendor, name: m.name };
      if (p) current.push({ ...row, input: p.input, output: p.output, input_cached: p.input_cached ?? null });
      for (const h of m.price_history) {
        historical.push({
          ...row,
          input: h.input,
          output: h.output,
          input_cached: h.input_cached ?? null,
          from_date: h.from_date,
          to_date: h.to_date,
        });
      }
    }
  }
  return {
    current: JSON.stringify({ updated_at: day, prices: current }, null, 2),
    historical: JSON.stringify({ prices: historical }, null, 2),
  };
}

/** The genai-prices copy in effect on a day: v2 once it exists (the live adapter's URL), v1 before. */
export function genaiPricesOn(v1: Archive, v2: Archive, day: string): { id: ArchiveId; date: string } | null {
  const d2 = dayInEffect(v2, day);
  if (d2) return { id: "genai-prices-v2", date: d2 };
  const d1 = dayInEffect(v1, day);
  return d1 ? { id: "genai-prices-v1", date: d1 } : null;
}

/** Every archive's copies, read once. */
export interface ReplayArchives {
  v1: Archive;
  v2: Archive;
  llm: Archive;
}

export const readReplayArchives = (dir = REPLAY_DIR): ReplayArchives => ({
  v1: readArchive("genai-prices-v1", dir),
  v2: readArchive("genai-prices-v2", dir),
  llm: readArchive("llm-prices", dir),
});

/**
 * A `live`-mode fetch answering the real source URLs with the archive copy in effect on `day()`: genai-prices
 * (v1 before the v2 file exists, as the upstream moved), llm-prices current/historical (built from the vendor
 * files). Every other source answers 404, so it is an unhealthy source with no vote, as an unreachable one is.
 * Records which copy each fetch served.
 */
export function replayFetch(a: ReplayArchives, day: () => string): typeof fetch & { served: string[] } {
  const served: string[] = [];
  const json = (text: string) => new Response(text, { status: 200, headers: { "content-type": "application/json" } });
  const f = (async (input: RequestInfo | URL) => {
    const url = String(input instanceof Request ? input.url : input);
    const d = day();
    if (url.includes("genai-prices")) {
      const copy = genaiPricesOn(a.v1, a.v2, d);
      if (!copy) return new Response("not yet archived", { status: 404 });
      served.push(`${copy.id}/${copy.date}`);
      return json(archiveText(copy.id, copy.date));
    }
    if (/llm-prices\.com\/(current|historical)-v1\.json/.test(url)) {
      const date = dayInEffect(a.llm, d);
      if (!date) return new Response("not yet archived", { status: 404 });
      served.push(`llm-prices/${date}`);
      const site = buildLlmPricesSite(archiveText("llm-prices", date), d);
      return json(url.includes("historical") ? site.historical : site.current);
    }
    return new Response("not in the replay archives", { status: 404 });
  }) as typeof fetch & { served: string[] };
  f.served = served;
  return f;
}
