// Component tests (@web/test-runner, real Chromium). The page's own origin serves the signed fixture snapshot
// (web-test-runner.config.mjs): OPUS-4.6 $5/$25, GPT-4.1 $2/$8, SONNET-4.5 $3/$15, GPT-4O $2.50/$10 (registry prices).
import { expect } from "chai";
import "./exo-ticker";
import type { ExoTicker } from "./exo-ticker";

const FEED = location.origin;
const TAMPERED = `http://localhost:${location.port}`; // same server, another origin: a tampered snapshot
const CLOSED = "http://127.0.0.1:9"; // nothing listens: the feed is unreachable

/** Mounts a ticker and resolves with it and its first snapshot state. */
async function mount(attrs: Record<string, string>): Promise<{ el: ExoTicker; state: string }> {
  const el = document.createElement("exo-ticker");
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  const state = new Promise<string>((ok) => {
    el.addEventListener("exo-state", (e) => ok((e as CustomEvent<{ state: string }>).detail.state), { once: true });
  });
  document.body.append(el);
  return { el, state: await state };
}

const parts = (el: Element, part: string) =>
  [...el.shadowRoot!.querySelectorAll(`[part~="${part}"]`)].map((n) => n.textContent!.trim());

afterEach(() => document.querySelectorAll("exo-ticker").forEach((el) => el.remove()));

describe("<exo-ticker>", () => {
  it("renders the verified output price of its model", async () => {
    const { el, state } = await mount({ model: "OPUS-4.6", feed: FEED });
    expect(state).to.equal("verified");
    expect(parts(el, "symbol")).to.deep.equal(["OPUS-4.6"]);
    expect(parts(el, "price")).to.deep.equal(["$25.00 /M out"]);
    expect(parts(el, "footer")[0]).to.match(/^Verified snapshot v42 · bundled data as of 2026-08-21$/);
  });

  it("reads the signed widget view, not the full snapshot", async () => {
    await mount({ model: "OPUS-4.6", feed: FEED });
    const paths = performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname);
    expect(paths).to.include("/v1/widget-view");
    expect(paths).not.to.include("/v1/snapshot");
  });

  it("re-renders when an attribute changes: a list of models, case and spaces ignored", async () => {
    const { el } = await mount({ model: "OPUS-4.6", feed: FEED });
    el.setAttribute("models", "gpt-4.1, SONNET-4.5 ,NOPE-1");
    await el.updateComplete;
    expect(parts(el, "symbol")).to.deep.equal(["GPT-4.1", "SONNET-4.5", "NOPE-1"]);
    expect(parts(el, "price")).to.deep.equal(["$8.00 /M out", "$15.00 /M out"]);
    expect(el.shadowRoot!.textContent).to.contain("unknown ticker");
  });

  it("marquee mode is a focusable, labelled region with the items twice (the second copy hidden)", async () => {
    const { el } = await mount({ models: "GPT-4.1,GPT-4O", mode: "marquee", feed: FEED });
    const region = el.shadowRoot!.querySelector('[part="marquee"]')!;
    const attrs = ["role", "tabindex", "aria-label"].map((a) => region.getAttribute(a));
    expect(attrs).to.deep.equal(["region", "0", "Model prices"]);
    expect(parts(el, "price")).to.deep.equal(["$8.00 /M out", "$10.00 /M out", "$8.00 /M out", "$10.00 /M out"]);
    expect(region.querySelectorAll('[aria-hidden="true"]').length).to.equal(1);
  });

  it("themes: light by default, dark with theme=dark, and --exo-* properties win", async () => {
    const { el } = await mount({ model: "GPT-4.1", feed: FEED });
    expect(getComputedStyle(el).backgroundColor).to.equal("rgb(255, 255, 255)"); // #fff
    el.setAttribute("theme", "dark");
    expect(getComputedStyle(el).backgroundColor).to.equal("rgb(21, 24, 29)"); // #15181d
    el.style.setProperty("--exo-bg", "rgb(1, 2, 3)");
    expect(getComputedStyle(el).backgroundColor).to.equal("rgb(1, 2, 3)");
  });

  it("shows no number from a snapshot whose signature fails: unverified, with the code", async () => {
    const { el, state } = await mount({ model: "OPUS-4.6", feed: TAMPERED });
    expect(state).to.equal("unverified");
    expect(parts(el, "price")).to.deep.equal([]);
    expect(parts(el, "status")[0]).to.contain("E_SIG_INVALID");
  });

  it("says unavailable when the feed cannot be reached", async () => {
    const { el, state } = await mount({ model: "OPUS-4.6", feed: CLOSED });
    expect(state).to.equal("unavailable");
    expect(parts(el, "status")[0]).to.match(/^unavailable the feed is unreachable$/);
  });

  it("renders under a strict CSP (no inline script or style)", async () => {
    const frame = document.createElement("iframe");
    const csp = `default-src 'none'; script-src ${FEED}; style-src ${FEED}; connect-src ${FEED}`;
    // The frame runs on the tests' clock too (EXOSTREAM_CLOCK_OFFSET), from a script file as the CSP demands.
    frame.srcdoc = `<meta http-equiv="Content-Security-Policy" content="${csp}">
      <script src="${FEED}/__harness/clock.js"></script>
      <script type="module" src="${FEED}/widgets/exo-ticker.ts"></script>
      <exo-ticker model="SONNET-4.5" feed="${FEED}"></exo-ticker>`;
    document.body.append(frame);
    await new Promise((ok) => frame.addEventListener("load", ok, { once: true }));
    const win = frame.contentWindow!;
    const el = win.document.querySelector("exo-ticker")!;
    for (let i = 0; i < 200 && !el.shadowRoot?.querySelector('[part~="price"]'); i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    // The script ran, the fetches connected, and the constructable stylesheet applied (an inline <style> would not).
    expect(parts(el, "price")).to.deep.equal(["$15.00 /M out"]);
    expect(win.getComputedStyle(el).borderTopLeftRadius).to.equal("8px");
    expect(win.getComputedStyle(el).display).to.equal("block");
    frame.remove();
  });
});
