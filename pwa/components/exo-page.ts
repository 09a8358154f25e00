import { html, LitElement, type TemplateResult } from "lit";
import type { SnapshotPayload } from "../../oracle-core/schemas";
import { snapshotStore } from "../app/snapshot-store";

/**
 * Base of every page: renders into light DOM (one stylesheet, labels and ARIA ids work across the page) and
 * re-renders when the snapshot store changes. `snapshotChanged(payload)` lets a page recompute on new data: it runs
 * only once a verified snapshot is there, so a page opened before any snapshot shows `waiting()` and never reads
 * a missing payload.
 */
export class ExoPage extends LitElement {
  /** The payload the page last recomputed for. */
  private seen: SnapshotPayload | null = null;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private readonly onSnapshot = () => {
    this.notice();
    this.requestUpdate();
  };

  // The store also announces a refresh starting or failing: only a new payload is news to the page.
  private notice(): void {
    const p = snapshotStore.view.payload;
    if (!p || p === this.seen || !this.isConnected) return;
    this.seen = p;
    this.snapshotChanged(p);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    snapshotStore.addEventListener("change", this.onSnapshot);
    queueMicrotask(() => this.notice());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    snapshotStore.removeEventListener("change", this.onSnapshot);
    this.seen = null;
  }

  /** Called when a (new) verified snapshot is available. */
  protected snapshotChanged(_payload: SnapshotPayload): void {}

  /** The verified snapshot payload, or null before one is available. */
  protected get payload(): SnapshotPayload | null {
    return snapshotStore.view.payload;
  }

  /** What to show instead of the page while there is no verified snapshot. */
  protected waiting(title: string): TemplateResult {
    return html`<h1 tabindex="-1">${title}</h1>
      ${this.waitingNotice()}`;
  }

  /** Why there is nothing to show yet. */
  protected waitingNotice(): TemplateResult {
    const v = snapshotStore.view;
    const why = snapshotStore.loading
      ? "Loading the signed snapshot…"
      : v.notice
        ? `No verified snapshot is stored on this device yet, and the feed could not be used: ${v.notice.message}`
        : "Fetching the signed snapshot from the feed…";
    return html`<p class="notice" role="status" data-testid="waiting">${why}</p>`;
  }
}
