// A signed snapshot of the real registry for SDK tests, built with the same oracle-core functions the pipeline uses
// (fitFamilies, greekRow) and the bundled registry prices as quotes, signed by the RFC 8032 test key. No feed, no
// network.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fitFamilies } from "../../oracle-core/greeks";
import { greekRow, PUBLISHED_FIELDS, type QuoteState } from "../../oracle-core/greeks";
import { REFERENCE_PROFILES } from "../../oracle-core/greeks";
import { DEFAULTS } from "../../oracle-core/quant";
import { HistoryFileSchema } from "../../oracle-core/schemas";
import { RegistryFileSchema, type RegistryFile } from "../../oracle-core/schemas";
import { SnapshotPayloadSchema, type SnapshotPayload } from "../../oracle-core/schemas";
import { encodeBase64 } from "../../oracle-core/snapshot";
import { makeKeyset } from "../../oracle-core/snapshot";
import { signSnapshot } from "../../oracle-core/snapshot";
import { testSigner } from "../support/test-signer";

export const ROOT = resolve(import.meta.dirname, "../..");
export const FEED = "https://feed.test";
export const VALUATION_DATE = "2026-11-24";
export const ISSUED_MS = Date.parse("2026-11-24T06:15:00Z");

export function registry(): RegistryFile {
  return RegistryFileSchema.parse(JSON.parse(readFileSync(resolve(ROOT, "data/registry.json"), "utf8")));
}

/** The Greek sheet of the bundled registry on the valuation date, every quote status "ok". */
export function payloadFor(version = 7, issuedMs = ISSUED_MS): SnapshotPayload {
  const reg = registry();
  const history = HistoryFileSchema.parse(JSON.parse(readFileSync(resolve(ROOT, "data/history.json"), "utf8")));
  const fits = fitFamilies({ observations: history.observations }, history.families, VALUATION_DATE);
  const models = reg.models.map((m) => {
    const prices: QuoteState["prices"] = {};
    for (const f of PUBLISHED_FIELDS) {
      const p = m.prices[f];
      if (p) prices[f] = p.usd_per_m;
    }
    return greekRow(
      m,
      fits.get(m.family),
      { prices, status: "ok", dispersion: null, sources: ["registry"], pending: null },
      history.observations,
      VALUATION_DATE,
      DEFAULTS.theta_prior_global,
    );
  });
  return SnapshotPayloadSchema.parse({
    version,
    issued_at: new Date(issuedMs).toISOString(),
    expires_at: new Date(issuedMs + 3 * 3600_000).toISOString(),
    heartbeat_s: 3600,
    prev_sha256: null,
    keyset_version: 1,
    methodology_version: "1.0.0",
    mode: "bundled",
    data_as_of: reg.as_of,
    valuation_date: VALUATION_DATE,
    models,
    index: null,
    reference_profiles: [...REFERENCE_PROFILES],
    sources: [],
  });
}

export interface SignedFixture {
  envelope: string;
  keys: string;
  /** The root public key to pin (base64 of the raw Ed25519 key). */
  publicKey: string;
  payload: SnapshotPayload;
}

/** Signs a payload with the test key and makes the one-keyset chain the feed would serve. */
export async function signedFixture(payload: SnapshotPayload = payloadFor()): Promise<SignedFixture> {
  const signer = await testSigner("a");
  const envelope = JSON.stringify(await signSnapshot(payload, signer));
  const keyset = await makeKeyset({
    keyset_version: 1,
    keys: [{ public_key: signer.publicKeyRaw }],
    signers: [signer],
  });
  return { envelope, keys: JSON.stringify({ keysets: [keyset] }), publicKey: signer.publicKeyRaw, payload };
}

/** A fetch that serves a fixture as the feed would (or fails, to simulate an unreachable feed); records the URLs. */
export function feedFetch(current: () => SignedFixture | null): typeof fetch & { urls: string[] } {
  const urls: string[] = [];
  const f = (async (input: RequestInfo | URL) => {
    const url = String(input instanceof Request ? input.url : input);
    urls.push(url);
    const fx = current();
    if (!fx) throw new TypeError("fetch failed (feed unreachable)");
    if (url === `${FEED}/v1/snapshot`)
      return new Response(fx.envelope, { headers: { "content-type": "application/json" } });
    if (url === `${FEED}/.well-known/exostream-keys.json`)
      return new Response(fx.keys, { headers: { "content-type": "application/json" } });
    return new Response("not found", { status: 404 });
  }) as typeof fetch & { urls: string[] };
  f.urls = urls;
  return f;
}

/** A pinned key from raw bytes, as a user would paste it. */
export const b64 = (bytes: Uint8Array) => encodeBase64(bytes);
