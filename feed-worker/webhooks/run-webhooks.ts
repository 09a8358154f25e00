import type { Env } from "../env";
import { deliverDue, type DeliveryReport } from "./deliver";
import { enqueueDeliveries } from "./enqueue";

/**
 * After a pipeline run: queue deliveries for newly published versions, then send everything due (new deliveries
 * and retries). Runs in the scheduled handler's waitUntil, so a slow receiver never delays a publish.
 */
export async function runWebhooks(
  env: Env,
  opts: { now: Date; fetch: typeof fetch },
): Promise<DeliveryReport & { queued: number }> {
  const { queued } = await enqueueDeliveries(env, opts.now);
  return { queued, ...(await deliverDue(env, opts)) };
}
