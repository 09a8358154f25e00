import { html, render, type TemplateResult } from "lit/html.js";
import type { SnapshotPayload } from "../oracle-core/schemas";
import type { WidgetRow } from "../oracle-core/snapshot";
import { feedOf, pinsOf } from "./feed-origin";
import { getSnapshot, type DataState, type WidgetData } from "./snapshot-client";
import { themeStyles } from "./theme-styles";

const sheets = new WeakMap<object, CSSStyleSheet>();

/**
 * Base of every Exostream element: shadow root with the class's constructable stylesheet (CSP-safe),
 * Lit templates (lit-html) rendered once per microtask after an observed attribute or state changes,
 * and the page's shared verified snapshot with its honest states (loading, unverified, unavailable).
 *
 * Why not LitElement: the ticker's budget is 12 KB gzipped for everything a page downloads, and
 * LitElement (5.8 KB) plus the oracle-core verifier with the keyset chain (4.1 KB) already leave too
 * little; lit-html with this ~40-line base is 3.6 KB. The API mirrors LitElement's (render, updated,
 * requestUpdate, updateComplete, renderRoot) so switching back is a one-line change per element.
 * Fires `exo-state` (detail `{ state }`) once the first snapshot state is rendered.
 *
 * `P` is what the element reads: the full snapshot (default), or with `static load = getWidgetView` the widget view
 * (GET /v1/widget-view, the rows' few display fields; the full snapshot from a feed without the view).
 */
export class ExoElement<P extends WidgetData = SnapshotPayload> extends HTMLElement {
  /** This element's CSS (a subclass appends its own to the base's). */
  static styles = themeStyles;
  /** Attributes whose change re-renders. */
  static observedAttributes = ["model", "models", "mode", "field", "horizon"];
  /** Where the data comes from: the page's shared verified snapshot, or (a ticker) the compact widget view. */
  static load: (feed: string, pins: string[]) => Promise<DataState<WidgetData>> = getSnapshot;
  readonly renderRoot: ShadowRoot;
  /** The page's snapshot state, once known. @internal */
  protected _s: DataState<P> | undefined;
  /** The feed this element reads (see feedOf). */
  protected feedOrigin = "";
  private _q: Promise<void> | undefined;
  private _asked = false;

  constructor() {
    super();
    const C = this.constructor as typeof ExoElement;
    let sheet = sheets.get(C);
    if (!sheet) sheets.set(C, (sheet = new CSSStyleSheet())), sheet.replaceSync(C.styles);
    (this.renderRoot = this.attachShadow({ mode: "open" })).adoptedStyleSheets = [sheet];
  }

  connectedCallback(): void {
    this.requestUpdate();
    if (this._asked) return;
    this._asked = true;
    // In a microtask: an element defined by an import is upgraded while that import evaluates, before the module
    // that imported it runs its configure() call; the whole module graph evaluates before this runs.
    queueMicrotask(() => {
      this.feedOrigin = feedOf(this);
      this.feedKnown();
      void (this.constructor as typeof ExoElement).load(this.feedOrigin, pinsOf(this)).then(async (s) => {
        this._s = s as DataState<P>;
        this.requestUpdate();
        await this.updateComplete;
        this.dispatchEvent(new CustomEvent("exo-state", { detail: { state: s.kind }, bubbles: true, composed: true }));
      });
    });
  }

  attributeChangedCallback(): void {
    this.requestUpdate();
  }

  /** Schedules one render for this microtask (any number of changes render once). */
  requestUpdate(): void {
    this._q ??= Promise.resolve().then(() => {
      this._q = undefined;
      render(this.render(), this.renderRoot, { host: this });
      this.updated();
    });
  }

  /** Resolves after the pending render, if any. */
  get updateComplete(): Promise<void> {
    return this._q ?? Promise.resolve();
  }

  /** The element's content (subclasses override). */
  render(): unknown {
    return this.problem();
  }

  /** Called after each render. */
  updated(): void {}

  /** Called once, when `feedOrigin` is known (a microtask after the first connect): start feed requests here. */
  protected feedKnown(): void {}

  /** The verified payload, or undefined while loading or when there is none. @internal */
  protected get payload(): P | undefined {
    return this._s?.kind == "verified" ? this._s.payload : undefined;
  }

  /** The verified row of `ticker` (case and spaces ignored). @internal */
  protected row(ticker: string | null | undefined): P["models"][number] | undefined {
    const t = (ticker ?? "").trim().toUpperCase();
    return this.payload?.models.find((m) => m.ticker == t);
  }

  /** What to show instead of data (undefined when the snapshot verified): never a number from bad data. */
  protected problem(): TemplateResult | undefined {
    const s = this._s;
    if (s?.kind == "verified") return undefined;
    return html`<p part="status" class="mu">
      ${!s ? "Loading verified prices…" : s.kind == "unavailable" ? html`<b class="b">unavailable</b> ${s.message}` : html`<b class="b e">unverified</b> Data failed verification (${s.code}); none is shown.`}
    </p>`;
  }

  /** One line about the data (call only when verified): version, and "bundled data as of …" or staleness. */
  protected note(): TemplateResult {
    const s = this._s as { version: number; stale: boolean; issued_at: string; payload: WidgetData };
    const p = s.payload;
    return html`<p class="ft" part="footer">
      Verified snapshot v${s.version}${p.mode == "bundled" ? ` · bundled data as of ${p.data_as_of}` : s.stale ? ` · stale (issued ${s.issued_at.slice(0, 10)})` : ""}
    </p>`;
  }

  /** Badges for a row: stale (live mode only), pending, and any other non-ok quote status. @internal */
  protected badges(r: WidgetRow): TemplateResult[] {
    const s = this._s as { stale: boolean; payload: WidgetData };
    const st = r.status;
    return [
      s.payload.mode != "bundled" && (s.stale || st == "stale") && "stale",
      (st == "pending" || r.pending) && "pending",
      (st == "disputed" || st == "halted") && st,
    ]
      .filter((b) => b)
      .map((b) => html`<b class="b" part="badge">${b}</b>`);
  }
}
