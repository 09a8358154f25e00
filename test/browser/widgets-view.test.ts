// Issue 11 item 7: <exo-ticker> reads the compact signed widget view (GET /v1/widget-view), verified exactly as the
// snapshot is; a tampered view is refused with the same code; a feed without the view still serves the snapshot.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeBase64, encodeBase64, type DsseEnvelope } from "../../oracle-core/snapshot";
import { launchChromium } from "../../harness/chromium";
import type { TestServer } from "../../harness/static-server";
import { ensureWidgetsBuilt } from "../../harness/widgets-build";
import {
  hostPage,
  keysDocument,
  signedSnapshot,
  signedWidgetView,
  startFeed,
  startHost,
  type FeedState,
} from "../../harness/widgets-fixture";
import { openPage, shadowText, shadowTexts, statesOf } from "../../harness/widgets-page";

let browser: Browser;
let feed: TestServer;
let host: TestServer;
const state: FeedState = { snapshot: null, keys: null };

/** Feed requests made since `from` (an index into feed.requests), by path. */
const since = (from: number, path: string) => feed.requests.slice(from).filter((r) => r.url === path).length;

beforeAll(async () => {
  await ensureWidgetsBuilt();
  browser = await launchChromium();
  state.keys = await keysDocument();
  state.snapshot = (await signedSnapshot()).envelope;
  feed = await startFeed(state);
  host = await startHost({
    "/basic-ticker.html": () => hostPage("basic-ticker.html", feed.origin),
    "/marquee-list.html": () => hostPage("marquee-list.html", feed.origin),
    "/strict-csp.html": () => hostPage("strict-csp.html", feed.origin),
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await feed?.close();
  await host?.close();
});

describe("<exo-ticker> on the widget view", () => {
  it("renders from the view alone (OPUS-4.6 $25, GPT-4O −33.3% since 2024-08-06): no snapshot request", async () => {
    state.view = await signedWidgetView();
    const from = feed.requests.length;
    const p = await openPage(browser, `${host.origin}/marquee-list.html`);
    expect(await statesOf(p.page, ["w", "b"])).toEqual({ w: "verified", b: "verified" });
    expect(await shadowTexts(p.page, "b", "[part=symbol]")).toEqual(["OPUS-4.6", "GPT-4.1", "SONNET-4.5", "GPT-4O"]);
    expect(await shadowTexts(p.page, "b", "[part=price]")).toEqual([
      "$25.00 /M out",
      "$8.00 /M out",
      "$15.00 /M out",
      "$10.00 /M out",
    ]);
    expect((await shadowTexts(p.page, "b", "[part=change]"))[3]).toBe("▼ 33.3% since 2024-08-06");
    expect(await shadowText(p.page, "b", "[part=footer]")).toBe(
      "Verified snapshot v42 · bundled data as of 2026-08-21",
    );
    expect([since(from, "/v1/widget-view"), since(from, "/v1/snapshot")]).toEqual([1, 0]);
    await p.context.close();
  });

  it("refuses a tampered view with the snapshot's code (E_SIG_INVALID), and does not fall back", async () => {
    const good = (await signedWidgetView()) as DsseEnvelope;
    const json = new TextDecoder().decode(decodeBase64(good.payload));
    const edited = json.replace('"beta":[25,', '"beta":[2.5,');
    expect(edited).not.toBe(json);
    state.view = { ...good, payload: encodeBase64(new TextEncoder().encode(edited)) };
    const from = feed.requests.length;
    const p = await openPage(browser, `${host.origin}/basic-ticker.html`);
    expect(await statesOf(p.page, ["w"])).toEqual({ w: "unverified" });
    expect(await shadowText(p.page, "w", "[part=status]")).toContain("E_SIG_INVALID");
    expect(await shadowTexts(p.page, "w", "[part=price]")).toEqual([]);
    expect(since(from, "/v1/snapshot")).toBe(0);
    await p.context.close();
  });

  it("refuses a view older than one this browser accepted (E_ROLLBACK), as a snapshot", async () => {
    state.view = await signedWidgetView({ version: 43 });
    const p = await openPage(browser, `${host.origin}/basic-ticker.html`);
    expect(await statesOf(p.page, ["w"])).toEqual({ w: "verified" });
    state.view = await signedWidgetView({ version: 42 });
    const again = await openPage(browser, `${host.origin}/basic-ticker.html`, { context: p.context });
    expect(await statesOf(again.page, ["w"])).toEqual({ w: "unverified" });
    expect(await shadowText(again.page, "w", "[part=status]")).toContain("E_ROLLBACK");
    await p.context.close();
  });

  it("reads the snapshot from a feed without the view (404)", async () => {
    state.view = undefined;
    const from = feed.requests.length;
    const p = await openPage(browser, `${host.origin}/basic-ticker.html`);
    expect(await statesOf(p.page, ["w"])).toEqual({ w: "verified" });
    expect(await shadowTexts(p.page, "w", "[part=price]")).toEqual(["$25.00 /M out"]);
    expect([since(from, "/v1/widget-view"), since(from, "/v1/snapshot")]).toEqual([1, 1]);
    await p.context.close();
  });

  it("on a page with every widget: one view (the ticker and marquee), one snapshot (the others), one keyset", async () => {
    state.view = await signedWidgetView();
    const from = feed.requests.length;
    const p = await openPage(browser, `${host.origin}/strict-csp.html`);
    const states = await statesOf(p.page, ["t", "m", "f", "h", "c", "i"]);
    expect(Object.values(states)).toEqual(Array(6).fill("verified"));
    const paths = ["/v1/widget-view", "/v1/snapshot", "/.well-known/exostream-keys.json"];
    expect(paths.map((x) => since(from, x))).toEqual([1, 1, 1]);
    await p.context.close();
  });
});
