import { html, nothing, type TemplateResult } from "lit";
// live(): the textarea already holds a typed or pasted prompt; setting megabytes again would re-lay it out for seconds.
import { live } from "lit/directives/live.js";
import type { TaskRequest } from "../../oracle-core/greeks";
import { HORIZON_NAMES } from "../../oracle-core/greeks";
import { REFERENCE_PROFILES } from "../../oracle-core/greeks";
import type { GreekRow } from "../../oracle-core/schemas";
import type { ReferenceProfile, SnapshotPayload } from "../../oracle-core/schemas";
import { pct, perM, tokens } from "../app/display-format";
import { parseNumber, radioGroup, selectField } from "../app/fields";
import { LatestAnswer } from "../app/latest-answer";
import { deleteSaved, listSaved, putSaved, type SavedItem } from "../app/saved-store";
import { applyProfile, profileText, taskField } from "../app/task-form";
import { compute } from "../app/worker-client";
import { ExoPage } from "../components/exo-page";
import { lifecycleTag, modelOptions } from "../components/lifecycle-view";
import { savedList } from "../components/saved-list";
import type { Calculation } from "../worker/worker-api";
import { calcResults } from "./calc-results";
import { checkCalc, DEFAULT_FORM, SLIDER, sliderPos, sliderTokens, type CalcForm } from "./calc-form";
import { PromptCounter } from "./prompt-counter";
import { pastedPrompt, promptPreview, tooLargeToShow } from "./prompt-paste";

// Kept at module level so the form survives navigating to another page and back.
const form: CalcForm = { ...DEFAULT_FORM };
/** form.prompt is a paste too large for the textarea: the box shows its beginning, read-only (see prompt-paste). */
let held = false;

const LEDE =
  "Price one LLM call from the signed Exostream snapshot: paste a prompt to count its tokens on this device, set the answer length and cache hit rate, and see the cost today and at a forward horizon. It all runs in your browser, and keeps working offline.";

/** Pastes longer than this bypass the browser's slow editing path (see onPaste). */
const LARGE_PASTE = 10_000;

/** The cost calculator: one call on one model, spot and forward, with κ, cache savings and the cost range. */
export class PageCalculator extends ExoPage {
  private readonly answer = new LatestAnswer<Calculation>(this);
  private saved: SavedItem<CalcForm>[] = [];
  private saveName = "";
  private promptTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly counter = new PromptCounter(this, (c) => {
    form.n_in = String(c.n_in);
    this.compute();
  });

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadSaved();
  }

  protected override snapshotChanged(p: SnapshotPayload): void {
    const models = p.models;
    if (!models.some((m) => m.ticker === form.ticker)) {
      form.ticker =
        (models.find((m) => m.ticker === "GPT-4.1") ?? models.find((m) => m.lifecycle === "active") ?? models[0])
          ?.ticker ?? "";
    }
    this.compute();
  }

  private row(): GreekRow | undefined {
    return this.payload?.models.find((m) => m.ticker === form.ticker);
  }

  private async loadSaved(): Promise<void> {
    this.saved = await listSaved<CalcForm>("profile");
    this.requestUpdate();
  }

  private checked() {
    return checkCalc(form, this.row());
  }

  private compute(): void {
    const { req } = this.checked();
    const ticker = form.ticker;
    // Invalid input: nothing is computed, and nothing from a previous input is left on screen.
    void this.answer.ask(req ? () => compute((api) => api.calculate(ticker, req)) : null);
  }

  private set<K extends keyof CalcForm>(k: K, v: CalcForm[K]): void {
    form[k] = v;
    this.compute();
  }

  private setModel(ticker: string): void {
    const before = this.row()?.tokenizer;
    form.ticker = ticker;
    const row = this.row();
    if (row && form.mode === "batch" && row.r_batch === null) form.mode = "sync";
    // Another tokenizer counts the same prompt differently.
    if (form.prompt && row && row.tokenizer !== before) this.countPrompt();
    this.compute();
  }

  private onPrompt(text: string): void {
    form.prompt = text;
    if (this.promptTimer) clearTimeout(this.promptTimer);
    this.promptTimer = setTimeout(() => this.countPrompt(), 250);
  }

  /**
   * A large paste goes in as a value edit: the browser's editing path takes seconds to insert tens of thousands
   * of lines into a textarea on the main thread, while setRangeText takes milliseconds. (The cost: such a paste
   * is not on the undo stack.)
   */
  private onPaste(e: ClipboardEvent): void {
    if (held) return e.preventDefault(); // the box is read-only: Clear first
    const text = e.clipboardData?.getData("text/plain") ?? "";
    if (text.length < LARGE_PASTE) return;
    e.preventDefault();
    const ta = e.target as HTMLTextAreaElement;
    const prompt = pastedPrompt(ta, text);
    if (tooLargeToShow(prompt)) {
      // Held aside: the size estimate shows at once and the exact count starts now, not after the typing pause.
      held = true;
      form.prompt = prompt;
      if (this.promptTimer) clearTimeout(this.promptTimer);
      this.countPrompt();
      return this.requestUpdate();
    }
    ta.setRangeText(text, ta.selectionStart, ta.selectionEnd, "end");
    this.onPrompt(ta.value);
  }

  /** Drops the prompt (and its count); n_in keeps its value. */
  private clearPrompt(): void {
    held = false;
    form.prompt = "";
    this.counter.clear();
    this.requestUpdate();
  }

  /** Counts the prompt in the tokenizer worker; the count becomes n_in. */
  private countPrompt(): void {
    const row = this.row();
    if (row) this.counter.start(form.prompt, row.tokenizer);
  }

  private preset(p: ReferenceProfile): void {
    this.counter.clear();
    form.prompt = "";
    held = false;
    applyProfile(form, p);
    this.compute();
  }

  protected override render() {
    const p = this.payload;
    // The heading and lede match index.html's static first paint, so nothing moves when the app takes over.
    const head = html`<h1 tabindex="-1">Inference cost calculator</h1>
      <p class="lede">${LEDE}</p>`;
    if (!p) return html`${head}${this.waitingNotice()}`;
    const row = this.row();
    const check = this.checked();
    const req = check.req;
    const max = row?.max_output ?? 1;
    const typed = parseNumber(form.n_out);
    const nOut = Number.isFinite(typed) ? typed : 1;
    const profiles = p.reference_profiles.length ? p.reference_profiles : REFERENCE_PROFILES;
    const models = [...p.models].sort(
      (a, b) => a.provider.localeCompare(b.provider) || a.ticker.localeCompare(b.ticker),
    );
    return html`${head}
      <form class="calc" novalidate @submit=${(e: Event) => e.preventDefault()}>
        <div class="grid">
          ${selectField({
            id: "calc-model",
            label: "Model",
            value: form.ticker,
            options: modelOptions(models, p.valuation_date, form.ticker),
            onChange: (v) => this.setModel(v),
            hint: row
              ? html`${lifecycleTag(row, p.valuation_date)} Output price <span class="sym">β</span> ${perM(row.beta)}, input ${perM(row.prices.input)}; tokenizer ${row.tokenizer.replace("estimate:", "")}`
              : undefined,
          })}
          <fieldset class="field">
            <legend>Presets</legend>
            <div class="row">
              ${profiles.map(
                (x) =>
                  html`<button type="button" class="secondary" @click=${() => this.preset(x)} title=${profileText(x)}>
                    ${x.name}
                  </button>`,
              )}
            </div>
            <span class="hint">${profiles.map((x) => `${x.name}: ${profileText(x)}`).join(" · ")}</span>
          </fieldset>
        </div>
        <div class="field">
          <label for="calc-prompt">Prompt (optional — counted on this device, never sent)</label>
          <textarea
            id="calc-prompt"
            spellcheck="false"
            .value=${live(held ? promptPreview(form.prompt) : form.prompt)}
            ?readonly=${held}
            @paste=${(e: ClipboardEvent) => this.onPaste(e)}
            @input=${(e: Event) => this.onPrompt((e.target as HTMLTextAreaElement).value)}
            aria-describedby="calc-prompt-count"
          ></textarea>
          ${
            held
              ? html`<p class="hint" data-testid="prompt-held">
                A ${form.prompt.length.toLocaleString("en-US")}-character paste: the box shows its beginning, the
                count covers all of it.
                <button type="button" class="secondary" @click=${() => this.clearPrompt()}>Clear prompt</button>
              </p>`
              : nothing
          }
          <div id="calc-prompt-count" aria-live="polite">${this.counter.view()}</div>
        </div>
        <div class="grid">
          ${taskField({ id: "calc-n-in", key: "n_in", form, check, onInput: (v) => this.set("n_in", v) })}
          <div class="field">
            <label for="calc-n-out-slider">Output tokens <span class="sym">n</span><sub>out</sub>: ${tokens(nOut)}</label>
            <input
              id="calc-n-out-slider"
              type="range"
              min="0"
              max=${SLIDER}
              step="1"
              .value=${String(sliderPos(nOut, max))}
              aria-valuetext=${`${tokens(nOut)} output tokens`}
              @input=${(e: Event) => this.set("n_out", String(sliderTokens(Number((e.target as HTMLInputElement).value), max)))}
            />
            <span class="hint">1 to ${tokens(max)} (the model's max output)</span>
          </div>
          ${taskField({
            id: "calc-n-out",
            key: "n_out",
            form,
            check,
            label: "Output tokens (exact)",
            hint: "",
            max,
            onInput: (v) => this.set("n_out", v),
          })}
          ${
            row?.reasoning
              ? taskField({ id: "calc-n-think", key: "n_think", form, check, onInput: (v) => this.set("n_think", v) })
              : nothing
          }
          ${taskField({ id: "calc-eta", key: "eta", form, check, onInput: (v) => this.set("eta", v) })}
          ${taskField({ id: "calc-omega", key: "omega", form, check, onInput: (v) => this.set("omega", v) })}
          ${selectField({
            id: "calc-ttl",
            label: "Cache TTL (for writes)",
            value: form.cache_ttl,
            options: [
              { value: "5m", label: "5 minutes" },
              { value: "1h", label: "1 hour" },
            ],
            onChange: (v) => this.set("cache_ttl", v as "5m" | "1h"),
          })}
          ${radioGroup({
            name: "calc-mode",
            legend: "Mode",
            value: form.mode,
            options: [
              { value: "sync", label: "Sync" },
              { value: "batch", label: "Batch", disabled: row?.r_batch === null },
            ],
            onChange: (v) => this.set("mode", v as "sync" | "batch"),
            hint:
              row?.r_batch === null
                ? "This model has no batch API."
                : row
                  ? `Batch costs ${pct(row.r_batch)} of sync.`
                  : undefined,
          })}
          ${selectField({
            id: "calc-horizon",
            label: "Horizon",
            value: form.horizon,
            options: HORIZON_NAMES.map((h) => ({ value: h, label: h === "spot" ? "Spot (today)" : `${h} forward` })),
            onChange: (v) => this.set("horizon", v as CalcForm["horizon"]),
          })}
        </div>
      </form>
      ${this.results(req)}
      ${savedList<CalcForm>({
        id: "calc-saved",
        title: "Saved profiles",
        items: this.saved,
        name: this.saveName,
        canSave: req !== null,
        whyNot: "Fix the highlighted fields to save.",
        onName: (v) => (this.saveName = v),
        onSave: () => void this.save(),
        onLoad: (it) => this.load(it.data),
        onDelete: (it) => void deleteSaved(it.id).then(() => this.loadSaved()),
      })}`;
  }

  private async save(): Promise<void> {
    const name = this.saveName.trim() || `${form.ticker} ${form.n_in} in / ${form.n_out} out`;
    // The prompt is not saved: profiles hold numbers only.
    await putSaved<CalcForm>({ kind: "profile", name, data: { ...form, prompt: "" } });
    this.saveName = "";
    await this.loadSaved();
  }

  private load(data: CalcForm): void {
    this.counter.clear();
    Object.assign(form, data, { prompt: "" });
    held = false;
    this.compute();
  }

  private results(req: TaskRequest | null): TemplateResult {
    if (!req)
      return html`<p class="notice" role="status" data-testid="calc-invalid">Fix the highlighted fields to see a price. Nothing is computed from invalid input.</p>`;
    const fail = this.answer.fail;
    if (fail) return html`<p class="notice bad" role="alert">${fail.message} (${fail.code})</p>`;
    if (!this.answer.value) return html`<p class="muted" role="status">Computing…</p>`;
    const { n_in, n_out = 0 } = req;
    const valuation_date = this.payload?.valuation_date ?? "";
    return calcResults(this.answer.value, { ticker: form.ticker, n_in, n_out, valuation_date });
  }
}

customElements.define("page-calculator", PageCalculator);
