import { html } from "lit";
import { MAX_CANVAS_MODELS, TASK_CLASSES, TASK_CLASS_LABELS, type CanvasPlan } from "../../oracle-core/planning";
import type { SnapshotPayload } from "../../oracle-core/schemas";
import { CANVAS_PRESETS, type CanvasPreset } from "../app/canvas-presets";
import { num } from "../app/display-format";
import { numberField, selectField } from "../app/fields";
import { LatestAnswer } from "../app/latest-answer";
import { deleteSaved, listSaved, putSaved, type SavedItem } from "../app/saved-store";
import { compute } from "../app/worker-client";
import { ExoPage } from "../components/exo-page";
import { savedList } from "../components/saved-list";
import { checkCanvas, fromPreset, type CanvasForm } from "./canvas-form";
import { canvasResults } from "./canvas-results";

let form: CanvasForm | null = null;

/** The System Canvas: a whole AI system's monthly cost, unit economics, break-even and ranked savings levers. */
export class PageCanvas extends ExoPage {
  private readonly answer = new LatestAnswer<CanvasPlan>(this);
  private saved: SavedItem<CanvasForm>[] = [];
  private saveName = "";

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadSaved();
  }

  private async loadSaved(): Promise<void> {
    this.saved = await listSaved<CanvasForm>("canvas");
    this.requestUpdate();
  }

  private presets(): CanvasPreset[] {
    const have = new Set(this.payload?.models.map((m) => m.ticker));
    return CANVAS_PRESETS.filter((p) => p.allocation.every((a) => have.has(a.ticker)));
  }

  protected override snapshotChanged(p: SnapshotPayload): void {
    if (!form) {
      const first = this.presets()[0];
      // A snapshot without the presets' models: the first preset's mix on one active model.
      const fallback = (p.models.find((m) => m.lifecycle === "active") ?? p.models[0])?.ticker;
      if (first) form = fromPreset(first);
      else if (fallback) form = fromPreset({ ...CANVAS_PRESETS[0]!, allocation: [{ ticker: fallback, weight: 100 }] });
    }
    this.compute();
  }

  private compute(): void {
    if (!form) return;
    const { input } = checkCanvas(form);
    void this.answer.ask(input ? () => compute((api) => api.canvas(input)) : null);
  }

  private edit(fn: (f: CanvasForm) => void): void {
    if (form) fn(form);
    this.compute();
  }

  protected override render() {
    const p = this.payload;
    if (!p || !form) return this.waiting("System Canvas");
    const f = form;
    const { errors, input, mixSum, wSum } = checkCanvas(f);
    const models = p.models.filter((m) => m.lifecycle === "active").sort((a, b) => a.ticker.localeCompare(b.ticker));
    return html`<h1 tabindex="-1">System Canvas</h1>
      <p class="lede">Model a whole AI system — volume, what the calls are, which models serve them, what a task earns — to see the monthly bill, the margin, the break-even volume and the biggest savings.</p>
      <div class="grid">
        ${selectField({
          id: "cv-preset",
          label: "Start from a preset",
          value: "",
          options: [
            { value: "", label: "Choose a preset…" },
            ...this.presets().map((x) => ({ value: x.id, label: x.name })),
          ],
          onChange: (v) => {
            const pr = CANVAS_PRESETS.find((x) => x.id === v);
            if (pr) this.edit(() => (form = fromPreset(pr)));
          },
        })}
        ${numberField({ id: "cv-calls", label: "Monthly API calls", value: f.calls, error: errors.calls, min: 0, step: "1", onInput: (v) => this.edit((x) => (x.calls = v)) })}
      </div>
      <fieldset>
        <legend>Task mix (must sum to 100%) — now ${num(mixSum * 100, 5)}%</legend>
        <div class="grid">
          ${TASK_CLASSES.map((c) => numberField({ id: `cv-mix-${c}`, label: `${TASK_CLASS_LABELS[c]} (%)`, value: f.mix[c], error: errors[`mix.${c}`], min: 0, max: 100, onInput: (v) => this.edit((x) => (x.mix[c] = v)) }))}
        </div>
        <p class="error" id="cv-mix-error" role="alert" data-testid="mix-error">${errors.mix ?? ""}</p>
      </fieldset>
      <fieldset>
        <legend>Model allocation (up to ${MAX_CANVAS_MODELS} models, must sum to 100%) — now ${num(wSum * 100, 5)}%</legend>
        ${f.allocation.map(
          (a, i) => html`<div class="row">
            ${selectField({ id: `cv-alloc-model-${i}`, label: `Model ${i + 1}`, value: a.ticker, options: models.map((m) => ({ value: m.ticker, label: m.ticker })), onChange: (v) => this.edit((x) => (x.allocation[i]!.ticker = v)) })}
            ${numberField({ id: `cv-alloc-weight-${i}`, label: `Weight of model ${i + 1} (%)`, value: a.weight, error: errors[`alloc.${i}`], min: 0, max: 100, onInput: (v) => this.edit((x) => (x.allocation[i]!.weight = v)) })}
            <button type="button" class="secondary" ?disabled=${f.allocation.length <= 1} @click=${() => this.edit((x) => x.allocation.splice(i, 1))}>Remove<span class="visually-hidden"> model ${i + 1}</span></button>
          </div>`,
        )}
        <p class="error" id="cv-alloc-error" role="alert" data-testid="alloc-error">${errors.alloc ?? ""}</p>
        <button type="button" class="secondary" ?disabled=${f.allocation.length >= MAX_CANVAS_MODELS} @click=${() => this.edit((x) => x.allocation.push({ ticker: models.find((m) => !x.allocation.some((a) => a.ticker === m.ticker))!.ticker, weight: "0" }))}>Add a model</button>
      </fieldset>
      <details>
        <summary>Task profiles (tokens per call for each class)</summary>
        ${TASK_CLASSES.map(
          (c) => html`<fieldset>
            <legend>${TASK_CLASS_LABELS[c]}</legend>
            <div class="grid">
              ${(["n_in", "n_out", "n_think", "eta"] as const).map((k) =>
                numberField({
                  id: `cv-p-${c}-${k}`,
                  label: k === "eta" ? "Cache hit rate η (%)" : k,
                  value: f.profiles[c][k],
                  error: errors[`p.${c}.${k}`],
                  min: 0,
                  onInput: (v) => this.edit((x) => (x.profiles[c][k] = v)),
                }),
              )}
            </div>
          </fieldset>`,
        )}
      </details>
      <fieldset>
        <legend>Unit economics</legend>
        <div class="grid">
          ${numberField({ id: "cv-revenue", label: "Revenue per task p (USD)", value: f.revenue, error: errors.revenue, min: 0, onInput: (v) => this.edit((x) => (x.revenue = v)) })}
          ${numberField({ id: "cv-overhead", label: "Overhead per task t (USD)", value: f.overhead, error: errors.overhead, min: 0, onInput: (v) => this.edit((x) => (x.overhead = v)) })}
          ${numberField({ id: "cv-fixed", label: "Fixed monthly cost F (USD)", value: f.fixed, error: errors.fixed, min: 0, onInput: (v) => this.edit((x) => (x.fixed = v)) })}
        </div>
      </fieldset>
      ${this.results(input !== null)}
      ${savedList<CanvasForm>({
        id: "cv-saved",
        title: "Saved canvases",
        items: this.saved,
        name: this.saveName,
        canSave: input !== null,
        whyNot: "Fix the highlighted fields to save.",
        onName: (v) => (this.saveName = v),
        onSave: () => void this.save(),
        onLoad: (it) => this.edit(() => (form = structuredClone(it.data))),
        onDelete: (it) => void deleteSaved(it.id).then(() => this.loadSaved()),
      })}`;
  }

  private results(valid: boolean) {
    const { value, fail } = this.answer;
    if (!valid) {
      return html`<p class="notice" role="status" data-testid="canvas-invalid">
        Fix the highlighted fields to see the canvas. Nothing is computed from invalid input.
      </p>`;
    }
    if (fail) return html`<p class="notice bad" role="alert">${fail.message} (${fail.code})</p>`;
    return value ? canvasResults(value) : html`<p class="muted" role="status">Computing…</p>`;
  }

  private async save(): Promise<void> {
    if (!form) return;
    await putSaved<CanvasForm>({
      kind: "canvas",
      name: this.saveName.trim() || `Canvas ${new Date().toLocaleDateString("en-US")}`,
      data: structuredClone(form),
    });
    this.saveName = "";
    await this.loadSaved();
  }
}

customElements.define("page-canvas", PageCanvas);
