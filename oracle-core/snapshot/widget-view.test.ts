import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import registryJson from "../../data/registry.json";
import historyJson from "../../data/history.json";
import { testSigner } from "../../test/support/test-signer";
import { OracleError } from "../errors";
import { fitFamilies } from "../greeks/family-fits";
import { greekRow, PUBLISHED_FIELDS, type QuoteState } from "../greeks/greek-sheet";
import { DEFAULTS } from "../quant/defaults";
import { HistoryFileSchema } from "../schemas/observation";
import { RegistryFileSchema } from "../schemas/registry";
import { SnapshotPayloadSchema, type SnapshotPayload } from "../schemas/snapshot";
import { decodeBase64, encodeBase64 } from "./base64";
import type { DsseEnvelope } from "./dsse";
import { pinKeys, type Signer, type TrustedKey } from "./keys";
import { payloadSha256, signSnapshot } from "./snapshot-sign";
import { verifySnapshot } from "./snapshot-verify";
import { utf8Decode, utf8Encode } from "./utf8";
import { signWidgetView, verifyWidgetView, WIDGET_VIEW_PAYLOAD_TYPE, widgetView } from "./widget-view";

const V = "2026-11-24";
const T0 = Date.parse("2026-11-24T06:00:00Z");

/** A snapshot of today's registry as the pipeline builds its rows (greekRow on the bundled history). */
function payloadOfToday(): SnapshotPayload {
  const registry = RegistryFileSchema.parse(registryJson);
  const history = HistoryFileSchema.parse(historyJson);
  const fits = fitFamilies(history, history.families, V);
  const models = registry.models.map((m) => {
    const prices: QuoteState["prices"] = {};
    for (const f of PUBLISHED_FIELDS) if (m.prices[f]) prices[f] = m.prices[f]!.usd_per_m;
    const q: QuoteState = { prices, status: "ok", dispersion: null, sources: ["litellm"], pending: null };
    return greekRow(m, fits.get(m.family), q, history.observations, V, DEFAULTS.theta_prior_global);
  });
  return SnapshotPayloadSchema.parse({
    version: 7,
    issued_at: new Date(T0).toISOString(),
    expires_at: new Date(T0 + 3 * 3600_000).toISOString(),
    heartbeat_s: 3600,
    prev_sha256: null,
    keyset_version: 1,
    methodology_version: "1.0.0",
    mode: "bundled",
    data_as_of: "2026-08-21",
    valuation_date: V,
    models,
    index: null,
    reference_profiles: [],
    sources: [],
  });
}

let signer: Signer;
let keys: TrustedKey[];
let payload: SnapshotPayload;
let snapshot: DsseEnvelope;
let view: DsseEnvelope;

beforeAll(async () => {
  signer = await testSigner("a");
  keys = await pinKeys([(await testSigner("a")).publicKeyRaw]);
  payload = payloadOfToday();
  snapshot = await signSnapshot(payload, signer);
  view = await signWidgetView(widgetView(payload, await payloadSha256(snapshot)), signer);
});

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => "accepted",
    (e: unknown) => (e instanceof OracleError ? e.code : String(e)),
  );

/** The view's payload JSON with `edit` applied, re-encoded under the original signature. */
const tampered = (edit: (json: string) => string): DsseEnvelope => ({
  ...view,
  payload: encodeBase64(utf8Encode(edit(utf8Decode(decodeBase64(view.payload))))),
});

describe("the widget view", () => {
  it("round-trips: every ticker's display fields equal the snapshot row's, bound to the snapshot's sha256", async () => {
    const v = await verifyWidgetView(view, { keys, now: T0 + 60_000 });
    expect(view.payloadType).toBe(WIDGET_VIEW_PAYLOAD_TYPE);
    expect(v.version).toBe(7);
    expect(v.payload.snapshot_sha256).toBe(await payloadSha256(snapshot));
    expect(v.payload.models.map((m) => m.ticker)).toEqual(payload.models.map((m) => m.ticker));
    for (const [i, r] of payload.models.entries()) {
      const { ticker, display_name, provider, lifecycle, status, beta, prices, forwards, last_change, pending } = r;
      const want = { ticker, display_name, provider, lifecycle, status, beta, prices, forwards, last_change, pending };
      expect(v.payload.models[i]).toEqual(want);
    }
    const opus = v.payload.models.find((m) => m.ticker === "OPUS-4.6")!;
    expect([opus.beta, opus.prices.input, opus.prices.cache_read]).toEqual([25, 5, 0.5]); // registry: $5 / $25
  });

  it("carries lifecycle dates only where the row has them", async () => {
    const dated = { ...payload, models: payload.models.map((m, i) => (i ? m : { ...m, listed_at: "2026-11-20" })) };
    const env = await signWidgetView(widgetView(dated, "0".repeat(64)), signer);
    const v = await verifyWidgetView(env, { keys, now: T0 });
    expect(v.payload.models[0]!.listed_at).toBe("2026-11-20");
    expect("listed_at" in v.payload.models[1]!).toBe(false);
  });

  it("refuses a tampered view (E_SIG_INVALID), as a snapshot is refused", async () => {
    const i = payload.models.findIndex((m) => m.ticker === "OPUS-4.6");
    const beta = tampered((j) => {
      const v = JSON.parse(j) as { columns: { beta: number[] } };
      v.columns.beta[i] = 2.5; // $25 → $2.50: the same key order, so the only change is that number
      return JSON.stringify(v);
    });
    expect(await codeOf(verifyWidgetView(beta, { keys, now: T0 }))).toBe("E_SIG_INVALID");
    expect(
      await codeOf(
        verifyWidgetView(
          tampered((j) => j),
          { keys, now: T0 },
        ),
      ),
    ).toBe("accepted");
  });

  it("is never taken for a snapshot, nor a snapshot for a view (E_PAYLOAD_TYPE)", async () => {
    expect(await codeOf(verifySnapshot(view, { keys, now: T0 }))).toBe("E_PAYLOAD_TYPE");
    expect(await codeOf(verifyWidgetView(snapshot, { keys, now: T0 }))).toBe("E_PAYLOAD_TYPE");
  });

  it("keeps the snapshot's expiry and rollback rules", async () => {
    expect(await codeOf(verifyWidgetView(view, { keys, now: T0 + 4 * 3600_000 }))).toBe("E_EXPIRED");
    const stored = { version: 8, sha256: "0".repeat(64) };
    expect(await codeOf(verifyWidgetView(view, { keys, now: T0, stored }))).toBe("E_ROLLBACK");
  });

  it("refuses a signed view without a column the widgets read, or with a short one (E_MALFORMED)", async () => {
    const { beta: _, ...columns } = widgetView(payload, "0".repeat(64)).columns;
    const env = await signWidgetView({ ...widgetView(payload, "0".repeat(64)), columns }, signer);
    expect(await codeOf(verifyWidgetView(env, { keys, now: T0 }))).toBe("E_MALFORMED");
    const full = widgetView(payload, "0".repeat(64));
    const uneven = { ...full, columns: { ...full.columns, fwd_12M: full.columns.fwd_12M!.slice(1) } };
    expect(await codeOf(verifyWidgetView(await signWidgetView(uneven, signer), { keys, now: T0 }))).toBe("E_MALFORMED");
  });

  it("reads columns by name: a view with a column added by a later feed still reads", async () => {
    const later = widgetView(payload, "0".repeat(64));
    const next = payload.models.map(() => 1);
    const env = await signWidgetView({ ...later, columns: { ...later.columns, next } }, signer);
    const v = await verifyWidgetView(env, { keys, now: T0 });
    expect(v.payload.models[0]!.beta).toBe(payload.models[0]!.beta);
  });

  it("costs under 64 B gzip per ticker at today's universe, under 40% of a snapshot of the same rows", () => {
    const gz = (e: DsseEnvelope) => gzipSync(JSON.stringify(e), { level: 9 }).length;
    expect(gz(view) / payload.models.length).toBeLessThan(64);
    // This snapshot has no index block or source health (a published one has ~4 KB more): rows against rows.
    expect(gz(view) / gz(snapshot)).toBeLessThan(0.4);
  });
});
