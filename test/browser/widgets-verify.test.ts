// Issue 5, contract: one shared verified snapshot per page; tampered, expired, rolled-back, wrongly
// pinned or unreachable data is never shown as if verified; stale / pending / bundled states; the
// Ed25519 fallback loads only where WebCrypto lacks Ed25519; element code loads on demand.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeBase64, encodeBase64 } from "../../oracle-core/snapshot";
import { testSigner } from "../support/test-signer";
import { launchChromium } from "../../harness/chromium";
import type { TestServer } from "../../harness/static-server";
import { ensureWidgetsBuilt } from "../../harness/widgets-build";
import {
  hostPage,
  keysDocument,
  signedSnapshot,
  startFeed,
  startHost,
  type FeedState,
} from "../../harness/widgets-fixture";
import { openPage, shadowText, shadowTexts, statesOf } from "../../harness/widgets-page";

let browser: Browser;
let feed: TestServer;
let host: TestServer;
const state: FeedState = { snapshot: null, keys: null };
const HOUR = 3_600_000;

/** Feed requests made since `from` (an index into feed.requests), by path. */
const since = (from: number, path: string) => feed.requests.slice(from).filter((r) => r.url === path).length;

beforeAll(async () => {
  await ensureWidgetsBuilt();
  browser = await launchChromium();
  state.keys = await keysDocument();
  state.snapshot = (await signedSnapshot()).envelope;
  feed = await startFeed(state);
  const pinned = (key: string) => (h: string) =>
    h.replace("<head>", `<head>\n<meta name="exostream-pin" content="${key}" />`);
  const a = await testSigner("a");
  const b = await testSigner("b");
  host = await startHost({
    "/basic-ticker.html": () => hostPage("basic-ticker.html", feed.origin),
    "/marquee-list.html": () => hostPage("marquee-list.html", feed.origin),
    "/strict-csp.html": () => hostPage("strict-csp.html", feed.origin),
    "/pinned-a.html": () => hostPage("basic-ticker.html", feed.origin, pinned(a.publicKeyRaw)),
    "/pinned-b.html": () => hostPage("basic-ticker.html", feed.origin, pinned(b.publicKeyRaw)),
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await feed?.close();
  await host?.close();
});

describe("verified data", () => {
  it("shows verified prices from the snapshot (OPUS-4.6 $25, GPT-4O cut from $15 to $10 on 2024-08-06)", async () => {
    state.snapshot = (await signedSnapshot()).envelope;
    const p = await openPage(browser, `${host.origin}/marquee-list.html`);
    expect(await statesOf(p.page, ["w", "b"])).toEqual({ w: "verified", b: "verified" });
    expect(await shadowTexts(p.page, "b", "[part=symbol]")).toEqual(["OPUS-4.6", "GPT-4.1", "SONNET-4.5", "GPT-4O"]);
    expect(await shadowTexts(p.page, "b", "[part=price]")).toEqual([
      "$25.00 /M out",
      "$8.00 /M out",
      "$15.00 /M out",
      "$10.00 /M out",
    ]);
    // (10 − 15) / 15 = −33.3 %
    expect((await shadowTexts(p.page, "b", "[part=change]"))[3]).toBe("▼ 33.3% since 2024-08-06");
    expect((await shadowTexts(p.page, "b", "[part=change]"))[0]).toBe("listed 2026-02-05");
    // Every fixture model is superseded: its 12M forward is within 0.1% of spot, so no direction arrow shows.
    expect(
      await p.page.evaluate(
        () => document.getElementById("b")!.shadowRoot!.querySelectorAll("[part~=direction]").length,
      ),
    ).toBe(0);
    // Bundled mode: said once per widget, and no ticker is marked stale.
    expect(await shadowText(p.page, "b", "[part=footer]")).toBe(
      "Verified snapshot v42 · bundled data as of 2026-08-21",
    );
    expect(await shadowTexts(p.page, "b", "[part=badge]")).toEqual([]);
    await p.context.close();
  });

  it("makes one snapshot request and one keyset request however many widgets (6 on the strict page)", async () => {
    const from = feed.requests.length;
    const p = await openPage(browser, `${host.origin}/strict-csp.html`);
    const states = await statesOf(p.page, ["t", "m", "f", "h", "c", "i"]);
    expect(Object.values(states)).toEqual(Array(6).fill("verified"));
    expect(since(from, "/v1/snapshot")).toBe(1);
    expect(since(from, "/.well-known/exostream-keys.json")).toBe(1);
    await p.context.close();
  });

  it("marks a stale live snapshot and a pending quote; bundled data is never marked stale", async () => {
    // Issued 2.5 heartbeats ago: past 2 × heartbeat (stale) but before expiry (3 × heartbeat).
    state.snapshot = (
      await signedSnapshot({
        mode: "live",
        issuedAgoMs: 2.5 * HOUR,
        rows: {
          "SONNET-4.5": { status: "pending", pending: { field: "output", value: 12, since: "2026-11-20T00:00:00Z" } },
        },
      })
    ).envelope;
    let p = await openPage(browser, `${host.origin}/marquee-list.html`);
    await statesOf(p.page, ["b"]);
    const badges = await p.page.evaluate(() =>
      [...document.getElementById("b")!.shadowRoot!.querySelectorAll("[part=card]")].map((c) =>
        [...c.querySelectorAll("[part=badge]")].map((b) => b.textContent),
      ),
    );
    expect(badges).toEqual([["stale"], ["stale"], ["stale", "pending"], ["stale"]]);
    expect(await shadowText(p.page, "b", "[part=footer]")).toMatch(
      /^Verified snapshot v42 · stale \(issued \d{4}-\d{2}-\d{2}\)$/,
    );
    await p.context.close();

    state.snapshot = (await signedSnapshot({ mode: "bundled", issuedAgoMs: 2.5 * HOUR })).envelope;
    p = await openPage(browser, `${host.origin}/marquee-list.html`);
    await statesOf(p.page, ["b"]);
    expect(await shadowTexts(p.page, "b", "[part=badge]")).toEqual([]);
    expect(await shadowText(p.page, "b", "[part=footer]")).toBe(
      "Verified snapshot v42 · bundled data as of 2026-08-21",
    );
    await p.context.close();
  });

  it("shows the 12M forward's direction: ▼ where a cut is expected, nothing within ±1% of spot", async () => {
    // GPT-4.1 moving at λ = 0.5/yr with OpenAI's sizes (μ −0.7370, s 0.7494): 12M forward 8·exp(−0.5·0.3663) = $6.66,
    // 16.7% under spot. The other three stay superseded (within 0.1%): no arrow.
    const hazard = { young: 0.5, old: 0.5, superseded: 0.5, young_years: 0.5 };
    state.snapshot = (await signedSnapshot({ forecasts: { "GPT-4.1": { hazard } } })).envelope;
    const p = await openPage(browser, `${host.origin}/marquee-list.html`);
    await statesOf(p.page, ["b"]);
    const arrows = await p.page.evaluate(() =>
      [...document.getElementById("b")!.shadowRoot!.querySelectorAll("[part=card]")].map((c) => {
        const d = c.querySelector("[part~=direction]");
        return d ? [d.textContent, d.getAttribute("aria-label"), d.getAttribute("title")] : null;
      }),
    );
    expect(arrows).toEqual([null, ["▼", "12M forward 16.7% below spot", "12M forward $6.66"], null, null]);
    await p.context.close();
    state.snapshot = (await signedSnapshot()).envelope;
  });
});

describe("data that fails verification is never shown", () => {
  /** Everything the widget renders: no price, no ticker card, just the status. */
  async function unverified(path: string) {
    const p = await openPage(browser, `${host.origin}${path}`);
    expect(await statesOf(p.page, ["w"])).toEqual({ w: "unverified" });
    const all = await p.page.evaluate(() =>
      document.getElementById("w")!.shadowRoot!.textContent!.replace(/\s+/g, " ").trim(),
    );
    await p.context.close();
    expect(all).not.toMatch(/\$|\d+\.\d\d/);
    expect(all).toMatch(/^unverified Data failed verification \(E_[A-Z_]+\); none is shown\.$/);
    return all;
  }

  it("tampered payload (β 25 → 2.5, signature kept): E_SIG_INVALID", async () => {
    const { envelope } = await signedSnapshot();
    const json = new TextDecoder().decode(decodeBase64(envelope.payload)).replace('"beta":25,', '"beta":2.5,');
    expect(json).toContain('"beta":2.5,');
    state.snapshot = { ...envelope, payload: encodeBase64(new TextEncoder().encode(json)) };
    expect(await unverified("/basic-ticker.html")).toContain("E_SIG_INVALID");
  });

  it("expired (issued 4 h ago, heartbeat 1 h: expired 1 h ago, beyond the 5 min skew): E_EXPIRED", async () => {
    state.snapshot = (await signedSnapshot({ issuedAgoMs: 4 * HOUR })).envelope;
    expect(await unverified("/basic-ticker.html")).toContain("E_EXPIRED");
  });

  it("signed by a key the page did not pin: E_KEYSET_CHAIN; the pinned key verifies", async () => {
    state.snapshot = (await signedSnapshot()).envelope;
    const p = await openPage(browser, `${host.origin}/pinned-a.html`);
    expect(await statesOf(p.page, ["w"])).toEqual({ w: "verified" });
    await p.context.close();
    const bad = await openPage(browser, `${host.origin}/pinned-b.html`);
    expect(await statesOf(bad.page, ["w"])).toEqual({ w: "unverified" });
    expect(await shadowText(bad.page, "w", "[part=status]")).toContain("E_KEYSET_CHAIN");
    await bad.context.close();
  });

  it("rollback: after v5, a v4 page is unverified (E_ROLLBACK) and the stored version stays 5", async () => {
    const context = await browser.newContext();
    const storedVersion = (p: Awaited<ReturnType<typeof openPage>>) =>
      p.page.evaluate(
        (feed) => JSON.parse(localStorage.getItem(`exostream:snapshot:${feed}`) ?? "null")?.version,
        feed.origin,
      );
    state.snapshot = (await signedSnapshot({ version: 5 })).envelope;
    const p5 = await openPage(browser, `${host.origin}/basic-ticker.html`, { context });
    expect(await statesOf(p5.page, ["w"])).toEqual({ w: "verified" });
    expect(await shadowText(p5.page, "w", "[part=footer]")).toMatch(/^Verified snapshot v5 /);
    expect(await storedVersion(p5)).toBe(5);
    await p5.page.close();

    state.snapshot = (await signedSnapshot({ version: 4 })).envelope;
    const p4 = await openPage(browser, `${host.origin}/basic-ticker.html`, { context });
    expect(await statesOf(p4.page, ["w"])).toEqual({ w: "unverified" });
    expect(await shadowText(p4.page, "w", "[part=status]")).toContain("E_ROLLBACK");
    expect(await shadowTexts(p4.page, "w", "[part=price]")).toEqual([]);
    expect(await storedVersion(p4)).toBe(5);
    await context.close();
  });

  it("feed unreachable (HTTP 503): unavailable, no price", async () => {
    state.down = true;
    try {
      const p = await openPage(browser, `${host.origin}/basic-ticker.html`);
      expect(await statesOf(p.page, ["w"])).toEqual({ w: "unavailable" });
      expect(await shadowText(p.page, "w", "[part=status]")).toBe("unavailable the feed answered HTTP 503");
      await p.context.close();
    } finally {
      state.down = false;
    }
  });
});

describe("code loaded on demand", () => {
  it("a ticker page loads the ticker chunk only; the Ed25519 fallback is not fetched where WebCrypto has Ed25519", async () => {
    state.snapshot = (await signedSnapshot()).envelope;
    const p = await openPage(browser, `${host.origin}/basic-ticker.html`);
    await statesOf(p.page, ["w"]);
    const chunks = p.requests
      .filter((u) => u.includes("/widgets/chunks/"))
      .map((u) => u.replace(/^.*\/chunks\/([a-z0-9-]+?)-[\w-]{8}\.js$/i, "$1"));
    expect(chunks).toEqual(["exo-ticker"]);
    // An element added later loads its own code (MutationObserver), and shares the verified snapshot.
    const from = feed.requests.length;
    await p.page.evaluate(() => document.body.insertAdjacentHTML("beforeend", '<exo-index id="late"></exo-index>'));
    expect(await statesOf(p.page, ["late"])).toMatchObject({ late: "verified" });
    expect(await shadowText(p.page, "late", "[part=level]")).toBe("812.30");
    expect(p.requests.some((u) => /\/chunks\/exo-index-/.test(u))).toBe(true);
    expect(since(from, "/v1/snapshot")).toBe(0);
    await p.context.close();
  });

  it("where WebCrypto lacks Ed25519, the audited fallback is loaded by dynamic import and verifies", async () => {
    const noEd25519 = () => {
      const subtle = crypto.subtle;
      const importKey = subtle.importKey.bind(subtle);
      const isEd = (a: unknown) => (typeof a === "string" ? a : (a as { name?: string })?.name) === "Ed25519";
      subtle.importKey = ((format: never, key: never, alg: never, ext: never, usages: never) =>
        isEd(alg)
          ? Promise.reject(new DOMException("no Ed25519", "NotSupportedError"))
          : importKey(format, key, alg, ext, usages)) as typeof subtle.importKey;
    };
    const p = await openPage(browser, `${host.origin}/basic-ticker.html`, { init: noEd25519 });
    expect(await statesOf(p.page, ["w"])).toEqual({ w: "verified" });
    expect(p.requests.filter((u) => /\/chunks\/ed25519-fallback-/.test(u))).toHaveLength(1);
    await p.context.close();

    // And the fallback is no back door: a tampered snapshot still fails through it.
    const { envelope } = await signedSnapshot();
    const json = new TextDecoder().decode(decodeBase64(envelope.payload)).replace('"beta":25,', '"beta":2.5,');
    state.snapshot = { ...envelope, payload: encodeBase64(new TextEncoder().encode(json)) };
    const t = await openPage(browser, `${host.origin}/basic-ticker.html`, { init: noEd25519 });
    expect(await statesOf(t.page, ["w"])).toEqual({ w: "unverified" });
    expect(await shadowText(t.page, "w", "[part=status]")).toContain("E_SIG_INVALID");
    await t.context.close();
    state.snapshot = (await signedSnapshot()).envelope;
  });
});
