// Component test (@web/test-runner, real Chromium): the header's snapshot line in each state.
import { expect } from "chai";
import { render } from "lit";
import type { SnapshotView } from "../worker/worker-api";
import { snapshotStatus } from "./snapshot-status";

const ISSUED = Date.parse("2026-11-24T06:00:00Z");
const MIN = 60_000;

function view(state: "verified" | "stale" | "expired", notice: SnapshotView["notice"] = null): SnapshotView {
  const info = {
    state,
    source: "network",
    version: 42,
    sha256: "ab".repeat(32),
    keyid: "cd".repeat(32),
    keyset_version: 1,
    trust: "pinned",
    root_keyids: ["cd".repeat(32)],
    heartbeat_s: 3600,
    verified_at: ISSUED,
    issued_at: new Date(ISSUED).toISOString(),
    expires_at: new Date(ISSUED + 3 * 60 * MIN).toISOString(),
  } as SnapshotView["info"];
  return { info, payload: { mode: "bundled", data_as_of: "2026-08-21" } as SnapshotView["payload"], notice };
}

function shown(v: SnapshotView, loading: boolean, now: number): HTMLElement {
  const host = document.createElement("div");
  render(snapshotStatus(v, loading, now), host);
  return host.querySelector<HTMLElement>('[data-testid="snapshot-status"]')!;
}

const words = (el: Element) => el.textContent!.replace(/\s+/g, " ").trim();

describe("snapshotStatus", () => {
  it("a verified snapshot: version, age from the given clock, signature state, bundled data date", () => {
    const el = shown(view("verified"), false, ISSUED + 7 * MIN);
    expect([el.dataset.version, el.dataset.state]).to.deep.equal(["42", "verified"]);
    expect(words(el)).to.equal("Snapshot v42 7 min old signature verified bundled data as of 2026-08-21");
    expect(el.querySelector("a")!.getAttribute("href")).to.equal("#/integrity");
    expect(el.querySelector(".sig-ok")).to.not.equal(null);
  });

  it("stale and expired are labelled as warnings, with the age in hours or days", () => {
    const stale = shown(view("stale"), false, ISSUED + 150 * MIN);
    // 2.5 h rounds to 3
    expect(words(stale)).to.equal("Snapshot v42 3 h old signature verified · stale bundled data as of 2026-08-21");
    expect(stale.querySelector(".sig-warn")!.textContent).to.equal("signature verified · stale");
    const expired = shown(view("expired"), false, ISSUED + 3 * 24 * 60 * MIN);
    expect(words(expired)).to.contain("3 days old signature verified · expired");
    expect(expired.dataset.state).to.equal("expired");
  });

  it("a refused feed snapshot is named beside the one kept (rollback, offline, other codes)", () => {
    const older = { code: "E_ROLLBACK", message: "The feed sent an older snapshot" };
    const rollback = shown(view("verified", older), false, ISSUED);
    const notice = rollback.querySelector<HTMLElement>('[data-testid="snapshot-notice"]')!;
    expect([notice.textContent, notice.title]).to.deep.equal(["older snapshot refused", older.message]);
    const offline = shown(view("verified", { code: "E_OFFLINE", message: "offline" }), false, ISSUED);
    expect(words(offline)).to.match(/ offline$/);
    const http = shown(view("verified", { code: "E_HTTP", message: "HTTP 503" }), false, ISSUED);
    expect(words(http)).to.match(/ feed problem \(E_HTTP\)$/);
  });

  it("without a verified snapshot: loading, fetching, or why there is none — and no version", () => {
    const none: SnapshotView = { info: null, payload: null, notice: null };
    expect(words(shown(none, true, ISSUED))).to.equal("Loading the signed snapshot…");
    expect(words(shown(none, false, ISSUED))).to.equal("Fetching the signed snapshot…");
    const notice = { code: "E_OFFLINE", message: "the feed is unreachable (offline?)" };
    const failed = shown({ ...none, notice }, false, ISSUED);
    expect(words(failed)).to.equal("No verified snapshot: the feed is unreachable (offline?)");
    expect(failed.dataset.version).to.equal(undefined);
  });
});
