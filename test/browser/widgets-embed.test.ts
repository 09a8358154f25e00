// Issue 5, iframe embeds: /embed/<widget> pages post their height only to the exact parent origin
// named in the URL; the parent helper applies a height only from the feed origin and from the window
// of an iframe on the page, so other frames and the page itself cannot resize anything.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../harness/chromium";
import { startStaticServer, type TestServer } from "../../harness/static-server";
import { DIST, ensureWidgetsBuilt } from "../../harness/widgets-build";
import {
  hostPage,
  keysDocument,
  signedSnapshot,
  startFeed,
  startHost,
  type FeedState,
} from "../../harness/widgets-fixture";
import { openPage } from "../../harness/widgets-page";

let browser: Browser;
let feed: TestServer;
let host: TestServer;
let evil: TestServer;
const state: FeedState = { snapshot: null, keys: null };

const recordMessages = () => {
  const w = window as unknown as { __msgs: { origin: string; data: unknown }[] };
  w.__msgs = [];
  addEventListener("message", (e) => w.__msgs.push({ origin: e.origin, data: e.data }));
};

beforeAll(async () => {
  await ensureWidgetsBuilt();
  browser = await launchChromium();
  state.keys = await keysDocument();
  state.snapshot = (await signedSnapshot()).envelope;
  feed = await startFeed(state);
  // Another origin whose page claims to be an Exostream embed and asks for 999 px.
  evil = await startStaticServer(DIST, [
    (_req, res, url) => {
      if (url.pathname !== "/evil.html") return false;
      const post = `parent.postMessage({ type: "exostream:height", widget: "ticker", height: 999 }, "*")`;
      res
        .writeHead(200, { "Content-Type": "text/html" })
        .end(`<!doctype html><script>${post}; setInterval(() => ${post}, 50)</script>`);
      return true;
    },
  ]);
  const tall = `<style>iframe.exo-frame, iframe.exo-frame.calc, #evil { height: 300px; }</style>`;
  host = await startHost({
    "/iframe-embed.html": () =>
      hostPage("iframe-embed.html", feed.origin, (h) =>
        h
          .replace("</head>", `${tall}</head>`)
          .replace(
            "</main>",
            `<iframe id="evil" class="exo-frame" title="not an embed" src="${evil.origin}/evil.html"></iframe></main>`,
          ),
      ),
    "/wrong-parent.html": () =>
      `<!doctype html><title>t</title><iframe id="f" src="${feed.origin}/embed/ticker?model=OPUS-4.6&parent=http://127.0.0.1:9"></iframe>`,
    "/no-parent.html": () =>
      `<!doctype html><title>t</title><iframe id="f" src="${feed.origin}/embed/ticker#model=OPUS-4.6&theme=dark"></iframe>`,
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await feed?.close();
  await host?.close();
  await evil?.close();
});

/** Waits until the widget inside the embed frame at `path` has rendered its snapshot state. */
async function embedState(page: Page, path: string): Promise<string> {
  await expect.poll(() => page.frames().some((f) => f.url().includes(path))).toBe(true);
  const frame = page.frames().find((f) => f.url().includes(path))!;
  const h = await frame.waitForFunction(() => (window as unknown as { __exo: { state: string }[] }).__exo[0]?.state);
  return (await h.jsonValue()) as string;
}

const heightOf = (page: Page, id: string) =>
  page.evaluate((id) => document.getElementById(id)!.getBoundingClientRect().height, id);

describe("iframe embeds", () => {
  it("the helper sets each embed's height from its message; the embed page got ?parent= this origin", async () => {
    const p = await openPage(browser, `${host.origin}/iframe-embed.html`, { init: recordMessages });
    expect(await embedState(p.page, "/embed/ticker")).toBe("verified");
    expect(await embedState(p.page, "/embed/cost-calculator")).toBe("verified");
    expect(await p.page.evaluate(() => (document.getElementById("f1") as HTMLIFrameElement).src)).toBe(
      `${feed.origin}/embed/ticker?model=OPUS-4.6&parent=${encodeURIComponent(host.origin)}`,
    );
    // The ticker is 110 px and the calculator 160 px tall (their :host heights); the iframes started at 300 px.
    await expect.poll(() => heightOf(p.page, "f1")).toBe(110);
    await expect.poll(() => heightOf(p.page, "f2")).toBe(160);
    const msgs = await p.page.evaluate(
      () =>
        (
          window as unknown as {
            __msgs: { origin: string; data: { type?: string; widget?: string; height?: number } }[];
          }
        ).__msgs,
    );
    const fromFeed = msgs.filter((m) => m.origin === feed.origin);
    expect(fromFeed.map((m) => `${m.data.widget}:${m.data.height}`)).toEqual(
      expect.arrayContaining(["ticker:110", "cost-calculator:160"]),
    );
    // The calculator frame read its theme from the hash.
    const calc = p.page.frames().find((f) => f.url().includes("/embed/cost-calculator"))!;
    expect(await calc.evaluate(() => document.querySelector("exo-cost-calculator")!.getAttribute("theme"))).toBe(
      "dark",
    );
    await p.context.close();
  });

  it("ignores height messages from other origins and from the page itself", async () => {
    const p = await openPage(browser, `${host.origin}/iframe-embed.html`, { init: recordMessages });
    await embedState(p.page, "/embed/ticker");
    // The forged messages did arrive…
    await expect
      .poll(() =>
        p.page.evaluate(
          (o) => (window as unknown as { __msgs: { origin: string }[] }).__msgs.filter((m) => m.origin === o).length,
          evil.origin,
        ),
      )
      .toBeGreaterThan(2);
    await p.page.evaluate(() => postMessage({ type: "exostream:height", widget: "ticker", height: 777 }, "*"));
    await expect.poll(() => heightOf(p.page, "f1")).toBe(110);
    // …and changed nothing: the forger's frame and the real embeds keep their heights.
    expect(await heightOf(p.page, "evil")).toBe(300);
    expect(await heightOf(p.page, "f1")).toBe(110);
    expect(await heightOf(p.page, "f2")).toBe(160);
    await p.context.close();
  });

  it("posts only to the exact parent origin: a wrong ?parent= or none means no message reaches the page", async () => {
    for (const path of ["/wrong-parent.html", "/no-parent.html"]) {
      const p = await openPage(browser, `${host.origin}${path}`, { init: recordMessages });
      expect(await embedState(p.page, "/embed/ticker")).toBe("verified");
      // The embed has rendered and measured itself; give its ResizeObserver a frame to fire.
      const frame = p.page.frames().find((f) => f.url().includes("/embed/ticker"))!;
      await frame.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      expect(await p.page.evaluate(() => (window as unknown as { __msgs: unknown[] }).__msgs)).toEqual([]);
      // With a wrong parent the embed did post — to that exact origin, so the browser dropped it; with none it never
      // posts.
      const dropped = p.console.filter((c) =>
        c.text.includes(
          "The target origin provided ('http://127.0.0.1:9') does not match the recipient window's origin",
        ),
      );
      expect(dropped.length > 0).toBe(path === "/wrong-parent.html");
      await p.context.close();
    }
  });
});
