import { html, nothing, type TemplateResult } from "lit";

/** A form value as typed and what it means: a number, or an error to show beside the field. */
export interface Checked {
  value: number;
  error: string | null;
}

/** Parses what a person typed: "30,000", " 12.5 ". Empty or unparsable gives NaN. */
export function parseNumber(raw: string): number {
  const s = raw.replace(/[,_\s]/g, "");
  return s === "" ? Number.NaN : Number(s);
}

const need = (label: string) => `${label} is required (a number)`;

/**
 * Checks of the fields that are not a task: volumes, shares, money, the swap's and the simulation's ranges. (A task's
 * fields are checked by oracle-core's own rules through app/task-form.ts.) Messages name the rule and carry the code.
 */
export const check = {
  /** A token count ≥ 0 (E_NEG_TOKENS). */
  tokens(raw: string, label: string): Checked {
    const v = parseNumber(raw);
    if (!Number.isFinite(v)) return { value: v, error: need(label) };
    if (v < 0) return { value: v, error: `${label} cannot be negative: a token count is 0 or more (E_NEG_TOKENS)` };
    return { value: v, error: null };
  },
  /** A share 0–100%, returned as a fraction. */
  percent(raw: string, label: string, code: string): Checked {
    const v = parseNumber(raw);
    if (!Number.isFinite(v)) return { value: v, error: need(label) };
    if (v < 0 || v > 100) return { value: v / 100, error: `${label} must be between 0% and 100% (${code})` };
    return { value: v / 100, error: null };
  },
  /** USD ≥ 0 (E_NEG_PRICE). */
  money(raw: string, label: string): Checked {
    const v = parseNumber(raw);
    if (!Number.isFinite(v)) return { value: v, error: need(label) };
    if (v < 0) return { value: v, error: `${label} cannot be negative (E_NEG_PRICE)` };
    return { value: v, error: null };
  },
  /** A count of calls ≥ 0 (E_BAD_VOLUME). */
  volume(raw: string, label: string): Checked {
    const v = parseNumber(raw);
    if (!Number.isFinite(v)) return { value: v, error: need(label) };
    if (v < 0) return { value: v, error: `${label} cannot be negative (E_BAD_VOLUME)` };
    return { value: v, error: null };
  },
  /** A number in [min, max]. */
  range(raw: string, label: string, min: number, max: number, code: string): Checked {
    const v = parseNumber(raw);
    if (!Number.isFinite(v)) return { value: v, error: need(label) };
    if (v < min || v > max) return { value: v, error: `${label} must be between ${min} and ${max} (${code})` };
    return { value: v, error: null };
  },
};

/** Options of {@link numberField}. */
export interface NumberFieldOptions {
  id: string;
  label: string | TemplateResult;
  value: string;
  error?: string | null | undefined;
  hint?: string | TemplateResult | undefined;
  onInput: (raw: string) => void;
  min?: number;
  max?: number;
  step?: string;
  disabled?: boolean;
}

/** A labelled number input with its hint and inline error (aria-invalid, aria-describedby). */
export function numberField(o: NumberFieldOptions): TemplateResult {
  const hintId = `${o.id}-hint`;
  const errId = `${o.id}-error`;
  const described = [o.hint ? hintId : "", o.error ? errId : ""].filter(Boolean).join(" ");
  return html`<div class="field">
    <label for=${o.id}>${o.label}</label>
    <input
      id=${o.id}
      name=${o.id}
      type="number"
      inputmode="decimal"
      step=${o.step ?? "any"}
      min=${o.min ?? nothing}
      max=${o.max ?? nothing}
      .value=${o.value}
      ?disabled=${o.disabled ?? false}
      aria-invalid=${o.error ? "true" : "false"}
      aria-describedby=${described || nothing}
      @input=${(e: Event) => o.onInput((e.target as HTMLInputElement).value)}
    />
    ${o.hint ? html`<span class="hint" id=${hintId}>${o.hint}</span>` : nothing}
    <p class="error" id=${errId} aria-live="polite">${o.error ?? ""}</p>
  </div>`;
}

/** Options of {@link selectField}. */
export interface SelectFieldOptions {
  id: string;
  label: string | TemplateResult;
  value: string;
  options: ReadonlyArray<{ value: string; label: string; disabled?: boolean }>;
  onChange: (value: string) => void;
  hint?: string | TemplateResult | undefined;
  error?: string | null | undefined;
}

/** A labelled select. */
export function selectField(o: SelectFieldOptions): TemplateResult {
  const hintId = `${o.id}-hint`;
  const errId = `${o.id}-error`;
  return html`<div class="field">
    <label for=${o.id}>${o.label}</label>
    <select
      id=${o.id}
      name=${o.id}
      aria-invalid=${o.error ? "true" : "false"}
      aria-describedby=${[o.hint ? hintId : "", o.error ? errId : ""].filter(Boolean).join(" ") || nothing}
      @change=${(e: Event) => o.onChange((e.target as HTMLSelectElement).value)}
    >
      ${o.options.map((x) => html`<option value=${x.value} ?selected=${x.value === o.value} ?disabled=${x.disabled ?? false}>${x.label}</option>`)}
    </select>
    ${o.hint ? html`<span class="hint" id=${hintId}>${o.hint}</span>` : nothing}
    <p class="error" id=${errId} aria-live="polite">${o.error ?? ""}</p>
  </div>`;
}

/** Options of {@link radioGroup}. */
export interface RadioGroupOptions {
  name: string;
  legend: string;
  value: string;
  options: ReadonlyArray<{ value: string; label: string; disabled?: boolean }>;
  onChange: (value: string) => void;
  hint?: string | undefined;
}

/** A fieldset of radio buttons (arrow keys move between them). */
export function radioGroup(o: RadioGroupOptions): TemplateResult {
  return html`<fieldset class="field">
    <legend>${o.legend}</legend>
    <div class="radios">
      ${o.options.map(
        (x) => html`<label
          ><input
            type="radio"
            name=${o.name}
            value=${x.value}
            .checked=${x.value === o.value}
            ?disabled=${x.disabled ?? false}
            @change=${() => o.onChange(x.value)}
          />${x.label}</label
        >`,
      )}
    </div>
    ${o.hint ? html`<span class="hint">${o.hint}</span>` : nothing}
  </fieldset>`;
}
