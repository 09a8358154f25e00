import { html, nothing } from "lit";
import { lifecycleNotes } from "../../api-core/lifecycle-note";
import { LIFECYCLES, type SourceHealth } from "../../oracle-core/schemas";
import { age } from "../app/display-format";
import { refreshSnapshot, snapshotStore } from "../app/snapshot-store";
import { dataTable } from "../components/data-table";
import { ExoPage } from "../components/exo-page";
import { lifecycleTag } from "../components/lifecycle-view";

/** Data integrity: the snapshot's signature, version, age and hashes, the sources and their health. */
export class PageIntegrity extends ExoPage {
  protected override render() {
    const v = snapshotStore.view;
    const p = v.payload;
    const i = v.info;
    if (!p || !i) return this.waiting("Data integrity");
    const now = Date.now();
    const facts: Array<{ k: string; v: string }> = [
      { k: "Snapshot version", v: String(i.version) },
      {
        k: "State",
        v:
          i.state === "verified"
            ? "signature verified, current"
            : i.state === "stale"
              ? "signature verified, stale (older than two heartbeats)"
              : "signature verified, expired — kept for offline use",
      },
      { k: "Issued", v: `${i.issued_at} (${age(now - Date.parse(i.issued_at))} ago)` },
      { k: "Expires", v: i.expires_at },
      { k: "Heartbeat", v: `${i.heartbeat_s} s` },
      { k: "Signed by key", v: i.keyid },
      { k: "Keyset version", v: String(i.keyset_version) },
      {
        k: "Trust",
        v:
          i.trust === "first-use"
            ? "root keyset trusted on first use (pinned from now on)"
            : "chained to the root keys pinned on this device",
      },
      { k: "Pinned root keys", v: i.root_keyids.join(", ") },
      { k: "Payload SHA-256", v: i.sha256 },
      { k: "Previous payload SHA-256", v: p.prev_sha256 ?? "—" },
      {
        k: "Loaded from",
        v: i.source === "network" ? "the feed (just verified)" : "this device's store (re-verified)",
      },
      { k: "Verified on this device", v: new Date(i.verified_at).toISOString() },
      {
        k: "Data mode",
        v: p.mode === "bundled" ? `bundled data as of ${p.data_as_of}` : `live, data as of ${p.data_as_of}`,
      },
      { k: "Valuation date", v: p.valuation_date },
      { k: "Methodology version", v: p.methodology_version },
      { k: "Models", v: `${p.models.length} (${lifecycleCounts(p.models)})` },
    ];
    // The rows a reader should know about: provisional, deprecated, retired, or unquoted for 14 days or more.
    const marked = p.models.filter((m) => lifecycleNotes(m, p.valuation_date).length > 0);
    const statuses = new Map<string, number>();
    for (const m of p.models) statuses.set(m.status, (statuses.get(m.status) ?? 0) + 1);
    return html`<h1 tabindex="-1">Data integrity</h1>
      <p class="lede">What this device checked before showing you a number, and where the prices come from.</p>
      ${v.notice ? html`<p class="notice" role="status" data-testid="integrity-notice">${v.notice.message} (${v.notice.code})</p>` : nothing}
      <p><button type="button" ?disabled=${snapshotStore.refreshing} @click=${() => void refreshSnapshot()}>${snapshotStore.refreshing ? "Checking…" : "Check the feed now"}</button></p>
      ${dataTable({
        id: "integrity",
        caption: "Signature and version",
        filename: "snapshot-integrity",
        columns: [
          { label: "Item", value: (x) => x.k },
          { label: "Value", value: (x) => x.v, cell: (x) => html`<span class="wrap-anywhere">${x.v}</span>` },
        ],
        rows: facts,
      })}
      ${dataTable<SourceHealth>({
        id: "sources",
        caption: "Sources and their health",
        filename: "sources",
        columns: [
          { label: "Source", value: (s) => s.id },
          { label: "Healthy", value: (s) => s.healthy, cell: (s) => (s.healthy ? "yes" : html`<strong>no</strong>`) },
          { label: "Last fetch", value: (s) => s.last_fetch_at ?? "" },
          { label: "Last good fetch", value: (s) => s.last_ok_at ?? "" },
          { label: "Models", value: (s) => s.model_count, num: true },
          { label: "Problems", value: (s) => s.reasons.join("; "), cell: (s) => s.reasons.join("; ") || "—" },
        ],
        rows: p.sources,
      })}
      ${
        marked.length
          ? dataTable({
              id: "lifecycle",
              caption: "Models with a lifecycle note (provisional, deprecated, retired, unquoted)",
              filename: "lifecycle",
              columns: [
                {
                  label: "Model",
                  value: (m: (typeof marked)[number]) => m.ticker,
                  cell: (m) => html`<a href=${`#/model/${encodeURIComponent(m.ticker)}`}>${m.ticker}</a>`,
                },
                { label: "Lifecycle", value: (m) => m.lifecycle },
                {
                  label: "Notes",
                  value: (m) =>
                    lifecycleNotes(m, p.valuation_date)
                      .map((n) => n.label)
                      .join("; "),
                  cell: (m) => lifecycleTag(m, p.valuation_date),
                },
              ],
              rows: marked,
            })
          : nothing
      }
      ${dataTable({
        id: "quote-status",
        caption: "Quote status of the models",
        filename: "quote-status",
        columns: [
          { label: "Status", value: (x: [string, number]) => x[0] },
          { label: "Models", value: (x) => x[1], num: true },
        ],
        rows: [...statuses.entries()],
      })}`;
  }
}

/** "80 active, 2 provisional, 1 retired": the count of each lifecycle present, in the vocabulary's order. */
function lifecycleCounts(models: readonly { lifecycle: (typeof LIFECYCLES)[number] }[]): string {
  return LIFECYCLES.map((l) => [l, models.filter((m) => m.lifecycle === l).length] as const)
    .filter(([l, n]) => n > 0 || l === "active")
    .map(([l, n]) => `${n} ${l}`)
    .join(", ");
}

customElements.define("page-integrity", PageIntegrity);
