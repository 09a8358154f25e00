import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { archiveFetch, feedHarness } from "../../harness/feed-harness";
import { editPrice } from "../../test/feed/archive-mutations";
import { STEPS } from "./steps";

const T0 = new Date("2026-11-24T06:15:00Z");
const at = (min: number) => new Date(T0.getTime() + min * 60_000);
const LITELLM = "data/archives/litellm/model_prices_and_context_window.json";
const GENAI = "data/archives/genai-prices/data.json";
const MODELS_DEV = "data/archives/models-dev/api.json";

/** Three of five sources agree on a GPT-4.1 output cut to $6: a run that must write history, published and KV. */
const cut = archiveFetch((p, t) =>
  [LITELLM, GENAI, MODELS_DEV].includes(p) ? editPrice(p, t, "openai", "gpt-4.1", "output", () => 6) : t,
);

describe("validate, then persist: a crash between any two pipeline steps loses nothing", () => {
  it.each(STEPS.map((s) => [s]))("throw before %s", async (step) => {
    const h = await feedHarness();
    try {
      await h.run({ now: T0 });
      const v1 = (await (await h.request("/v1/snapshot")).json()) as { payload: string };
      const obsBefore = await h.env.DB.prepare("SELECT COUNT(*) AS n FROM observations").first<{ n: number }>();

      await expect(
        h.run({
          now: at(15),
          fetch: cut,
          onStep: (s) => {
            if (s === step) throw new Error(`killed before ${s}`);
          },
        }),
      ).rejects.toThrow(`killed before ${step}`);

      // The previous snapshot is still what readers get.
      const served = (await (await h.request("/v1/snapshot")).json()) as { payload: string };
      expect(served.payload).toBe(v1.payload);
      // History has either none or all of the run's rows: the D1 batch is atomic.
      const obsAfter = await h.env.DB.prepare("SELECT COUNT(*) AS n FROM observations").first<{ n: number }>();
      const written = obsAfter!.n - obsBefore!.n;
      const d1Committed = STEPS.indexOf(step) > STEPS.indexOf("persist:d1");
      expect(written).toBe(d1Committed ? 1 : 0);

      // The next run completes, publishes the cut once, and chains to what was actually served.
      const next = await h.run({ now: at(30), fetch: cut });
      expect(next.published).toBe(true);
      const gpt = ((await (await h.request("/v1/models/GPT-4.1")).json()) as { data: { beta: number } }).data;
      expect(gpt.beta).toBe(6);
      const rows = await h.env.DB.prepare(
        "SELECT COUNT(*) AS n FROM observations WHERE ticker = 'GPT-4.1' AND field = 'output' AND value = 6",
      ).first<{ n: number }>();
      expect(rows!.n).toBe(1);
      const latest = (await (await h.request("/v1/snapshot")).json()) as { payload: string };
      const p = JSON.parse(Buffer.from(latest.payload, "base64").toString("utf8")) as {
        prev_sha256: string;
        version: number;
      };
      expect(p.prev_sha256).toBe(createHash("sha256").update(Buffer.from(v1.payload, "base64")).digest("hex"));
      expect(p.version).toBeGreaterThan(1);
    } finally {
      await h.dispose();
    }
  });
});
