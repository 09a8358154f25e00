import { html, LitElement, nothing } from "lit";
import { parseHash, ROUTES, type Route } from "../app/routes";
import { bootSnapshot, snapshotStore } from "../app/snapshot-store";
import { registerServiceWorker } from "../app/sw-register";
import { snapshotStatus } from "./snapshot-status";

/**
 * The app shell: header with the snapshot's version, age and signature state, page tabs, the page, the update prompt.
 */
export class ExoApp extends LitElement {
  // Plain fields with explicit requestUpdate(): no reactive-property declarations to clash with class-field semantics.
  route: Route = ROUTES[0]!;
  param: string | null = null;
  pendingUpdate: (() => void) | null = null;
  now = Date.now();
  private firstRoute = true;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    // Replace the static first paint from index.html with the live shell.
    this.replaceChildren();
    super.connectedCallback();
    addEventListener("hashchange", () => this.navigate());
    snapshotStore.addEventListener("change", () => this.requestUpdate());
    setInterval(() => {
      this.now = Date.now();
      this.requestUpdate();
    }, 30_000);
    this.navigate();
    void bootSnapshot();
    registerServiceWorker((apply) => {
      this.pendingUpdate = apply;
      this.requestUpdate();
    });
  }

  private navigate(): void {
    const { route, param } = parseHash(location.hash);
    this.route = route;
    this.param = param;
    this.requestUpdate();
    void route.load();
    if (!this.firstRoute) {
      // Move focus to the new page's heading so screen-reader and keyboard users land on it.
      void this.updateComplete.then(() =>
        requestAnimationFrame(() => this.querySelector<HTMLElement>("main h1")?.focus()),
      );
    }
    this.firstRoute = false;
  }

  private page() {
    const p = this.param;
    switch (this.route.tag) {
      case "page-compare":
        return html`<page-compare></page-compare>`;
      case "page-model":
        return html`<page-model .ticker=${p}></page-model>`;
      case "page-index":
        return html`<page-index></page-index>`;
      case "page-swap":
        return html`<page-swap></page-swap>`;
      case "page-monte-carlo":
        return html`<page-monte-carlo></page-monte-carlo>`;
      case "page-canvas":
        return html`<page-canvas></page-canvas>`;
      case "page-budget":
        return html`<page-budget></page-budget>`;
      case "page-methodology":
        return html`<page-methodology></page-methodology>`;
      case "page-use-cases":
        return html`<page-use-cases></page-use-cases>`;
      case "page-integrity":
        return html`<page-integrity></page-integrity>`;
      default:
        return html`<page-calculator></page-calculator>`;
    }
  }

  protected override render() {
    return html`<a class="skip" href="#main" @click=${(e: Event) => (e.preventDefault(), this.querySelector<HTMLElement>("main h1")?.focus())}>Skip to content</a>
      <header class="bar">
        <p class="brand"><span class="logo" aria-hidden="true"></span><a href="#/calculator">Exostream</a></p>
        ${snapshotStatus(snapshotStore.view, snapshotStore.loading, this.now)}
      </header>
      <nav class="tabs" aria-label="Pages">
        ${ROUTES.map((r) => html`<a href="#/${r.path}" aria-current=${r === this.route ? "page" : nothing}>${r.label}</a>`)}
      </nav>
      <main id="main" class="page">${this.page()}</main>
      ${
        this.pendingUpdate
          ? html`<div class="update" role="status" data-testid="update-prompt">
            <span>A new version is ready.</span>
            <button type="button" @click=${() => this.pendingUpdate?.()}>Reload</button>
          </div>`
          : nothing
      }`;
  }
}

customElements.define("exo-app", ExoApp);
