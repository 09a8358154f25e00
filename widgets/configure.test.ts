// Component tests (@web/test-runner, real Chromium) of where an element reads the feed and which keys it pins:
// configure() for the page, the `pins` attribute per element. The page's origin serves the signed fixture snapshot,
// signed by RFC 8032 test key 1 (web-test-runner.config.mjs).
import { expect } from "chai";
import { configure } from "./configure";
import "./exo-ticker";

const FEED = location.origin;
const CLOSED = "http://127.0.0.1:9"; // nothing listens: the feed is unreachable
const OTHER_KEY = "PUAXw+hDiVqStwqnTRt+vJyYLM8uxJaMwM1V8Sr0Zgw="; // RFC 8032 test 2 key: valid, but not the signer

async function mount(attrs: Record<string, string>): Promise<{ el: HTMLElement; state: string }> {
  const el = document.createElement("exo-ticker");
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  const state = new Promise<string>((ok) => {
    el.addEventListener("exo-state", (e) => ok((e as CustomEvent<{ state: string }>).detail.state), { once: true });
  });
  document.body.append(el);
  return { el, state: await state };
}

const status = (el: HTMLElement) =>
  el.shadowRoot!.querySelector('[part~="status"]')?.textContent?.replace(/\s+/g, " ").trim();

afterEach(() => {
  document.querySelectorAll("exo-ticker").forEach((el) => el.remove());
  configure({});
});

describe("configure() and the pins attribute", () => {
  it("configure({ feed }) replaces the script's origin as the feed; a feed attribute still wins", async () => {
    configure({ feed: CLOSED });
    const { el, state } = await mount({ model: "GPT-4.1" });
    expect(state).to.equal("unavailable");
    expect(status(el)).to.match(/^unavailable the feed is unreachable/);
    const own = await mount({ model: "GPT-4.1", feed: FEED });
    expect(own.state).to.equal("verified");
  });

  it("a pins attribute with another key refuses the feed's keyset: unverified (E_KEYSET_CHAIN), no price", async () => {
    // Another origin for the same server, so this snapshot request is not the one the first test shared.
    const feed = `http://localhost:${location.port}`;
    const { el, state } = await mount({ model: "GPT-4.1", feed, pins: OTHER_KEY });
    expect(state).to.equal("unverified");
    expect(status(el)).to.contain("(E_KEYSET_CHAIN)");
    expect(el.shadowRoot!.querySelector('[part~="price"]')).to.equal(null);
  });
});
