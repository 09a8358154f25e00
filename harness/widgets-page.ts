// Opens widget pages in Chromium with probes installed before any page script: exo-state events,
// CSP violations, layout shifts (CLS), console messages and page errors, and every request.
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";

/** What a page reported while it loaded. */
export interface Probe {
  page: Page;
  context: BrowserContext;
  console: { type: string; text: string }[];
  errors: string[];
  requests: string[];
}

const PROBES = () => {
  const w = window as unknown as {
    __exo: { id: string; state: string; t: number }[];
    __csp: string[];
    __cls: number;
    __shifts: unknown[];
  };
  w.__exo = [];
  w.__csp = [];
  w.__cls = 0;
  w.__shifts = [];
  addEventListener("exo-state", (e) =>
    w.__exo.push({
      id: (e.target as Element).id,
      state: (e as CustomEvent<{ state: string }>).detail.state,
      t: performance.now(),
    }),
  );
  document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as unknown as {
      value: number;
      hadRecentInput: boolean;
      sources?: { node?: Node }[];
    }[]) {
      if (e.hadRecentInput) continue;
      w.__cls += e.value;
      w.__shifts.push({
        value: e.value,
        nodes: (e.sources ?? []).map((s) => (s.node as Element | undefined)?.nodeName ?? "?"),
      });
    }
  }).observe({ type: "layout-shift", buffered: true });
};

/** A fresh context (own localStorage) with the probes, unless `context` is given to reuse storage. */
export async function openPage(
  browser: Browser,
  url: string,
  opts: { context?: BrowserContext; contextOptions?: BrowserContextOptions; init?: () => void } = {},
): Promise<Probe> {
  const context = opts.context ?? (await browser.newContext(opts.contextOptions));
  const page = await context.newPage();
  await page.addInitScript(PROBES);
  if (opts.init) await page.addInitScript(opts.init);
  const probe: Probe = { page, context, console: [], errors: [], requests: [] };
  page.on("console", (m) => probe.console.push({ type: m.type(), text: m.text() }));
  page.on("pageerror", (e) => probe.errors.push(String(e)));
  page.on("request", (r) => probe.requests.push(r.url()));
  await page.goto(url);
  return probe;
}

/** Waits until every element id in `ids` fired exo-state; returns their states. */
export async function statesOf(page: Page, ids: string[]): Promise<Record<string, string>> {
  await page.waitForFunction(
    (ids) => ids.every((id) => (window as unknown as { __exo: { id: string }[] }).__exo.some((e) => e.id === id)),
    ids,
  );
  const all = await page.evaluate(() => (window as unknown as { __exo: { id: string; state: string }[] }).__exo);
  return Object.fromEntries(all.map((e) => [e.id, e.state]));
}

/** Text of the first node matching `sel` in the shadow root of #id ("" if none). */
export function shadowText(page: Page, id: string, sel: string): Promise<string> {
  return page.evaluate(
    ([id, sel]) =>
      document.getElementById(id!)?.shadowRoot?.querySelector(sel!)?.textContent?.replace(/\s+/g, " ").trim() ?? "",
    [id, sel],
  );
}

/** Texts of every node matching `sel` in the shadow root of #id. */
export function shadowTexts(page: Page, id: string, sel: string): Promise<string[]> {
  return page.evaluate(
    ([id, sel]) =>
      [...(document.getElementById(id!)?.shadowRoot?.querySelectorAll(sel!) ?? [])].map(
        (n) => n.textContent?.replace(/\s+/g, " ").trim() ?? "",
      ),
    [id, sel],
  );
}
