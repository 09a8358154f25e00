import { html, LitElement, type TemplateResult } from "lit";
import type { SnapshotPayload } from "../../oracle-core/schemas/snapshot";
import { snapshotStore } from "../app/snapshot-store";

/**
 * Base of every page: renders into light DOM (one stylesheet, labels and ARIA ids work across the page) and
 * re-renders when the snapshot changes. `snapshotChanged()` lets a page recompute on new data.
 */
export class ExoPage extends LitElement {
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private readonly onSnapshot = () => {
    this.snapshotChanged();
    this.requestUpdate();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    snapshotStore.addEventListener("change", this.onSnapshot);
    if (snapshotStore.view.payload) queueMicrotask(() => this.snapshotChanged());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    snapshotStore.removeEventListener("change", this.onSnapshot);
  }

  /** Called when a (new) snapshot is available. */
  protected snapshotChanged(): void {}

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
    return html`<p class="notice" role="status">${why}</p>`;
  }
}
