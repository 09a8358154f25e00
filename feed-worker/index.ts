import { createApp } from "./app";
import { feedDate } from "./clock";
import type { Env } from "./env";
import { runPipeline } from "./pipeline/run-pipeline";
import { workersTokenCounter } from "./tokenize/workers-token-counter";
import { runWebhooks } from "./webhooks/run-webhooks";

const app = createApp({ countTokens: (env) => workersTokenCounter(env.ASSETS) });

/** Bundled mode reads the archives from the worker's own static assets, through the same fetch seam as live mode. */
export function bundledFetch(env: Env): typeof fetch {
  return ((input: RequestInfo | URL, init?: RequestInit) => {
    if (!env.ASSETS) throw new Error("bundled mode needs the ASSETS binding");
    return env.ASSETS.fetch(new Request(input, init));
  }) as typeof fetch;
}

export default {
  fetch: app.fetch,
  async scheduled(controller: ScheduledController, env: Env, ctx: ExecutionContext): Promise<void> {
    const now = feedDate(env, controller.scheduledTime);
    // Every 15 minutes; a run re-signs when the hourly heartbeat is due even without changes.
    // A cron of "0 * * * *" (or /__scheduled?cron=0+*+*+*+* locally) forces the heartbeat.
    const trigger = controller.cron === "0 * * * *" ? "heartbeat" : "cron";
    const live = env.SOURCE_MODE === "live";
    const report = await runPipeline({
      env,
      fetch: live ? fetch : bundledFetch(env),
      bundledBaseUrl: "https://assets.local",
      now,
      trigger,
    });
    console.log(
      `pipeline ${trigger}: ${report.published ? `published v${report.version}` : "no publish"} (${report.reason}); ${report.changes} changes, ${report.held} held`,
    );
    // Webhook deliveries (new versions' events, then due retries) after the run, without holding the publish up.
    ctx.waitUntil(
      runWebhooks(env, { now, fetch }).then(
        (r) =>
          console.log(
            `webhooks: ${r.queued} queued, ${r.delivered}/${r.attempted} delivered, ${r.retrying} retrying, ${r.failed} failed`,
          ),
        (e: unknown) => console.error("webhooks failed", e instanceof Error ? e.message : String(e)),
      ),
    );
  },
} satisfies ExportedHandler<Env>;
