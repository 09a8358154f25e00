// The pipeline half of the scale bench (bench/scale.ts): runs on workerd's D1/KV/R2 through the in-process feed
// harness, so it type-checks in the feed-worker realm (Workers types); bench/scale.ts loads it at run time.
import { gzipSync } from "node:zlib";
import { bundledData } from "../feed-worker/data/bundled";
import { STEPS } from "../feed-worker/pipeline/run-pipeline";
import { feedHarness } from "../harness/feed-harness";
import { median } from "./measure";
import type { PipelineFigures } from "./scale-figures";
import { syntheticUniverse } from "./synthetic-universe";

const T0 = Date.parse("2026-11-24T06:00:00Z");
const gz = (text: string) => gzipSync(text, { level: 9 }).length;

/** One universe: a first (seeding) run, then 5 heartbeat runs an hour apart; median ms per step, and the payloads. */
export async function pipelineAt(size: number | null): Promise<PipelineFigures> {
  const base = bundledData();
  const data = size === null ? base : syntheticUniverse(base.registry, base.history, size);
  const h = await feedHarness();
  try {
    const first = await h.run({ now: new Date(T0), data });
    const runs = [];
    for (let i = 1; i <= 5; i++)
      runs.push(await h.run({ now: new Date(T0 + i * 3600_000), trigger: "heartbeat", data }));
    const steps: Record<string, number> = {};
    for (const s of STEPS) steps[s] = Math.round(median(runs.map((r) => r.timings[s] ?? 0)) * 10) / 10;
    const steady = Object.values(steps).reduce((a, b) => a + b, 0);
    const [top, topMs] = Object.entries(steps).sort((a, b) => b[1] - a[1])[0]!;
    const snapshot = await (await h.request("/v1/snapshot")).text();
    const keys = await (await h.request("/.well-known/exostream-keys.json")).text();
    const view = await (await h.request("/v1/widget-view")).text();
    const models = data.registry.models.length;
    return {
      models,
      first_run_ms: Math.round(Object.values(first.timings).reduce((a, b) => a + (b ?? 0), 0)),
      steady_ms: Math.round(steady),
      steps_ms: steps,
      dominant_step: { step: top, ms: topMs, share_of_run: Math.round((topMs / steady) * 100) / 100 },
      snapshot_raw_bytes: Buffer.byteLength(snapshot),
      snapshot_gzip_bytes: gz(snapshot),
      gzip_bytes_per_model: Math.round(gz(snapshot) / models),
      keys_gzip_bytes: gz(keys),
      view_gzip_bytes: gz(view),
    };
  } finally {
    await h.dispose();
  }
}

// `npx tsx bench/scale-pipeline.ts [sizes…]` runs the pipeline half alone (the page half launches Chromium):
// sizes are model counts, `today` for the curated registry; default `today 400`.
if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = process.argv.slice(2);
  for (const s of sizes.length ? sizes : ["today", "400"])
    console.log(JSON.stringify(await pipelineAt(s === "today" ? null : Number(s))));
}
