import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signWebhook, verifyWebhook } from "./webhook-signature";

describe("webhook signatures: t=<s>,v1=HMAC-SHA256(secret, '<t>.<body>')", () => {
  const secret = "whsec_test";
  const body = '{"type":"exostream.changes","snapshot_version":3}';
  const t = 1_764_000_000;
  it("equals Node's own HMAC of '<t>.<body>'", async () => {
    const want = createHmac("sha256", secret).update(`${t}.${body}`).digest("hex");
    expect(await signWebhook(secret, body, t)).toBe(`t=${t},v1=${want}`);
  });
  it("verifies within 5 minutes; refuses another body, another secret, an old or future timestamp, a missing header", async () => {
    const h = await signWebhook(secret, body, t);
    expect(await verifyWebhook(secret, h, body, t * 1000 + 299_000)).toBe(true);
    expect(await verifyWebhook(secret, h, body, t * 1000 - 300_000)).toBe(true);
    expect(await verifyWebhook(secret, h, body, t * 1000 + 301_000)).toBe(false);
    expect(await verifyWebhook(secret, h, `${body} `, t * 1000)).toBe(false);
    expect(await verifyWebhook("whsec_other", h, body, t * 1000)).toBe(false);
    expect(await verifyWebhook(secret, null, body, t * 1000)).toBe(false);
    expect(await verifyWebhook(secret, h.replace(/t=\d+/, `t=${t + 1}`), body, t * 1000)).toBe(false);
  });
  it("accepts any of several v1 signatures (secret rotation on the receiver's side)", async () => {
    const h = await signWebhook(secret, body, t);
    expect(await verifyWebhook(secret, `t=${t},v1=${"0".repeat(64)},${h.split(",")[1]}`, body, t * 1000)).toBe(true);
  });
});
