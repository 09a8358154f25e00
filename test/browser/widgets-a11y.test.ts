// Issue 5, accessibility and theming: WCAG AA contrast of every text in both themes (computed from
// the rendered colours), theme="auto" follows the reader, the marquee pauses on hover / focus and
// under prefers-reduced-motion, its duplicate copy is hidden from screen readers, charts have a table.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
import { openPage, statesOf } from "../../harness/widgets-page";

let browser: Browser;
let feed: TestServer;
let host: TestServer;
const state: FeedState = { snapshot: null, keys: null };

beforeAll(async () => {
  await ensureWidgetsBuilt();
  browser = await launchChromium();
  state.keys = await keysDocument();
  // Live and 2.5 heartbeats old, SONNET-4.5 pending: badges are on screen for the contrast check too.
  state.snapshot = (
    await signedSnapshot({ mode: "live", issuedAgoMs: 2.5 * 3_600_000, rows: { "SONNET-4.5": { status: "pending" } } })
  ).envelope;
  state.indexHistory = [
    { date: "2026-06-01", level: 840 },
    { date: "2026-09-01", level: 812.3 },
  ];
  feed = await startFeed(state);
  host = await startHost({
    "/dark-theme.html": () => hostPage("dark-theme.html", feed.origin),
    "/light.html": () =>
      hostPage("dark-theme.html", feed.origin, (h) =>
        h.replaceAll(' theme="dark"', "").replace('<body class="dark">', "<body>"),
      ),
    "/marquee-list.html": () => hostPage("marquee-list.html", feed.origin),
    "/forward-chart.html": () => hostPage("forward-chart.html", feed.origin),
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await feed?.close();
  await host?.close();
});

/**
 * Every element with its own visible text in the widgets' shadow roots (and every input), with its
 * colour, the first opaque background behind it, and the WCAG 2 contrast ratio between them.
 */
function contrasts(page: Page, ids: string[]) {
  return page.evaluate((ids) => {
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = (c: string) => {
      const [r, g, b] = rgb(c).map((v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const background = (n: Element | null): string => {
      for (; n; n = n.parentElement ?? (n.getRootNode() as ShadowRoot).host ?? null) {
        const bg = getComputedStyle(n).backgroundColor;
        const a = rgb(bg)[3];
        if (bg !== "transparent" && (a === undefined || a === 1)) return bg;
      }
      return "rgb(255, 255, 255)";
    };
    const out: { id: string; text: string; fg: string; bg: string; ratio: number }[] = [];
    for (const id of ids) {
      const root = document.getElementById(id)!.shadowRoot!;
      for (const el of root.querySelectorAll("*")) {
        const own =
          [...el.childNodes].some((c) => c.nodeType === 3 && c.textContent!.trim()) ||
          el instanceof HTMLInputElement ||
          el instanceof HTMLSelectElement;
        const r = el.getBoundingClientRect();
        const s = getComputedStyle(el);
        if (!own || r.width < 2 || r.height < 2 || s.visibility !== "visible" || el.closest("[aria-hidden=true]"))
          continue;
        const fg = s.color;
        const bg = background(el);
        const [l1, l2] = [lum(fg), lum(bg)].sort((a, b) => b - a);
        out.push({
          id,
          text: (el.textContent || (el as HTMLInputElement).value || "").trim().slice(0, 30),
          fg,
          bg,
          ratio: Math.round(((l1! + 0.05) / (l2! + 0.05)) * 100) / 100,
        });
      }
    }
    return out;
  }, ids);
}

const IDS = ["t", "m", "c", "f", "i", "a"];

describe("themes and contrast (WCAG AA: 4.5:1 for all text)", () => {
  it("light theme", async () => {
    const p = await openPage(browser, `${host.origin}/light.html`);
    await statesOf(p.page, IDS);
    const c = await contrasts(p.page, IDS);
    // Enough text was checked: symbols, prices, badges, footers, labels, inputs, table is hidden.
    expect(c.length).toBeGreaterThan(40);
    expect(c.some((x) => x.text === "stale")).toBe(true);
    expect(c.some((x) => x.text === "pending")).toBe(true);
    expect(c.filter((x) => x.ratio < 4.5)).toEqual([]);
    expect(new Set(c.filter((x) => x.id === "t").map((x) => x.bg))).toEqual(
      new Set(["rgb(255, 255, 255)", "rgb(255, 241, 204)"]),
    );
    await p.context.close();
  });

  it("dark theme, and theme=auto follows prefers-color-scheme", async () => {
    const p = await openPage(browser, `${host.origin}/dark-theme.html`, { contextOptions: { colorScheme: "dark" } });
    await statesOf(p.page, IDS);
    const c = await contrasts(p.page, IDS);
    expect(c.length).toBeGreaterThan(40);
    expect(c.filter((x) => x.ratio < 4.5)).toEqual([]);
    // theme="dark" elements and the theme="auto" one under a dark preference share the dark background.
    const bgs = await p.page.evaluate(() =>
      ["t", "c", "a"].map((id) => getComputedStyle(document.getElementById(id)!).backgroundColor),
    );
    expect(bgs).toEqual(["rgb(21, 24, 29)", "rgb(21, 24, 29)", "rgb(21, 24, 29)"]);
    await p.context.close();

    const light = await openPage(browser, `${host.origin}/dark-theme.html`, {
      contextOptions: { colorScheme: "light" },
    });
    await statesOf(light.page, ["t", "a"]);
    expect(
      await light.page.evaluate(() =>
        ["t", "a"].map((id) => getComputedStyle(document.getElementById(id)!).backgroundColor),
      ),
    ).toEqual(["rgb(21, 24, 29)", "rgb(255, 255, 255)"]);
    await light.context.close();
  });

  it("--exo-* custom properties override the built-in colours", async () => {
    const p = await openPage(browser, `${host.origin}/light.html`);
    await statesOf(p.page, ["t"]);
    await p.page.addStyleTag({ content: "#t { --exo-bg: rgb(1, 2, 3); --exo-fg: rgb(250, 250, 250); }" });
    expect(
      await p.page.evaluate(() => [
        getComputedStyle(document.getElementById("t")!).backgroundColor,
        getComputedStyle(document.getElementById("t")!.shadowRoot!.querySelector("[part=price]")!).color,
      ]),
    ).toEqual(["rgb(1, 2, 3)", "rgb(250, 250, 250)"]);
    await p.context.close();
  });
});

describe("marquee", () => {
  const track = (page: Page) =>
    page.evaluate(() => {
      const root = document.getElementById("w")!.shadowRoot!;
      const t = root.querySelector(".t")!;
      const a = root.getAnimations()[0];
      return {
        play: a?.playState ?? "none",
        css: getComputedStyle(t).animationPlayState,
        name: getComputedStyle(t).animationName,
        copy: getComputedStyle(t.children[1]!).display,
      };
    });

  it("runs, pauses on hover and on keyboard focus, and resumes", async () => {
    const p = await openPage(browser, `${host.origin}/marquee-list.html`);
    await statesOf(p.page, ["w"]);
    expect(await track(p.page)).toMatchObject({ play: "running", css: "running" });
    await p.page.hover("#w");
    expect(await track(p.page)).toMatchObject({ play: "paused", css: "paused" });
    await p.page.mouse.move(0, 0);
    expect(await track(p.page)).toMatchObject({ play: "running", css: "running" });
    // Keyboard: Tab reaches the marquee region (tabindex=0), which pauses it.
    await p.page.keyboard.press("Tab");
    expect(
      await p.page.evaluate(
        () =>
          document.activeElement?.id +
          " " +
          document.getElementById("w")!.shadowRoot!.activeElement?.getAttribute("part"),
      ),
    ).toBe("w marquee");
    expect(await track(p.page)).toMatchObject({ play: "paused", css: "paused" });
    await p.context.close();
  });

  it("stands still under prefers-reduced-motion, showing one copy", async () => {
    const p = await openPage(browser, `${host.origin}/marquee-list.html`, {
      contextOptions: { reducedMotion: "reduce" },
    });
    await statesOf(p.page, ["w"]);
    expect(await track(p.page)).toEqual({ play: "none", css: "running", name: "none", copy: "none" });
    await p.context.close();
  });

  it("its duplicate loop copy is aria-hidden: screen readers hear each model once", async () => {
    const p = await openPage(browser, `${host.origin}/marquee-list.html`);
    await statesOf(p.page, ["w"]);
    const copies = await p.page.evaluate(() =>
      [...document.getElementById("w")!.shadowRoot!.querySelector(".t")!.children].map((c) => [
        c.getAttribute("aria-hidden"),
        c.textContent!.replace(/\s+/g, " ").trim(),
      ]),
    );
    expect(copies).toHaveLength(2);
    expect(copies[0]![0]).toBeNull();
    expect(copies[1]![0]).toBe("true");
    expect(copies[1]![1]).toBe(copies[0]![1]);
    const aria = await p.page.locator("#w").ariaSnapshot();
    for (const t of ["OPUS-4.6", "GPT-4.1", "SONNET-4.5", "GPT-4O"]) expect(aria.split(t).length - 1).toBe(1);
    expect(aria).toContain('region "Model prices"');
    await p.context.close();
  });
});

describe("charts have a text alternative", () => {
  it("a table of every point is in the accessibility tree; the canvas area is a labelled image; Table shows it", async () => {
    const p = await openPage(browser, `${host.origin}/forward-chart.html`);
    await statesOf(p.page, ["w", "h"]);
    await p.page.waitForFunction(
      () => (document.getElementById("w") as unknown as { xTickLabels: string[] }).xTickLabels.length > 0,
    );
    const rows = await p.page.evaluate(() =>
      [...document.getElementById("w")!.shadowRoot!.querySelectorAll("tbody tr")].map((r) =>
        [...r.children].map((c) => c.textContent),
      ),
    );
    // GPT-4O: two history points (launch $15, cut $10), spot $10 and four forwards.
    expect(rows.map((r) => r[1])).toEqual([
      "history",
      "history",
      "spot",
      "1M forward",
      "3M forward",
      "6M forward",
      "12M forward",
    ]);
    expect(rows.slice(0, 3).map((r) => [r[0], r[2]])).toEqual([
      ["2024-05-13", "$15.00"],
      ["2024-08-06", "$10.00"],
      [rows[2]![0], "$10.00"],
    ]);
    const aria = await p.page.locator("#w").ariaSnapshot();
    expect(aria).toContain("12M forward");
    expect(aria).toMatch(
      /img "GPT-4O · output \$\/M: spot and forwards with 50% and 90% bands: 7 points from 2024-05-13 to \d{4}-\d{2}-\d{2}\. A table of every point follows\."/,
    );
    const hiddenWidth = await p.page.evaluate(
      () =>
        document.getElementById("w")!.shadowRoot!.querySelector("table")!.parentElement!.getBoundingClientRect().width,
    );
    expect(hiddenWidth).toBeLessThanOrEqual(1);
    await p.page.locator("#w").getByRole("button", { name: "Table" }).click();
    expect(
      await p.page.evaluate(
        () =>
          document.getElementById("w")!.shadowRoot!.querySelector("table")!.parentElement!.getBoundingClientRect()
            .width,
      ),
    ).toBeGreaterThan(300);
    expect(await p.page.locator("#w").getByRole("button", { name: "Table" }).getAttribute("aria-pressed")).toBe("true");
    await p.context.close();
  });
});
