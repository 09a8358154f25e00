import { html, nothing, type TemplateResult } from "lit";
import { age } from "../app/display-format";
import type { SnapshotView } from "../worker/worker-api";

const STATE_WORDS = {
  verified: "signature verified",
  stale: "signature verified · stale",
  expired: "signature verified · expired",
} as const;

/**
 * The header's snapshot line: version, age and signature state, always visible, plus "bundled data as of …"
 * for a snapshot built from the bundled archives. Links to the Data integrity page.
 */
export function snapshotStatus(v: SnapshotView, loading: boolean, now: number): TemplateResult {
  if (!v.info || !v.payload) {
    const text = loading
      ? "Loading the signed snapshot…"
      : v.notice
        ? `No verified snapshot: ${v.notice.message}`
        : "Fetching the signed snapshot…";
    return html`<p class="status" data-testid="snapshot-status"><span class="sig-warn">${text}</span></p>`;
  }
  const i = v.info;
  const issued = Date.parse(i.issued_at);
  const bad = i.state !== "verified";
  return html`<p class="status" data-testid="snapshot-status" data-version=${i.version} data-state=${i.state}>
    <a href="#/integrity" class="quiet-link">Snapshot v${i.version}</a>
    <span>${age(now - issued)} old</span>
    <span class=${bad ? "sig-warn" : "sig-ok"}>${STATE_WORDS[i.state]}</span>
    ${v.payload.mode === "bundled" ? html`<span>bundled data as of ${v.payload.data_as_of}</span>` : nothing}
    ${v.notice ? html`<span class="sig-warn" data-testid="snapshot-notice" title=${v.notice.message}>${noticeWord(v.notice.code)}</span>` : nothing}
  </p>`;
}

function noticeWord(code: string): string {
  if (code === "E_OFFLINE") return "offline";
  if (code === "E_ROLLBACK") return "older snapshot refused";
  if (code === "E_REPLAY") return "conflicting snapshot refused";
  return `feed problem (${code})`;
}
