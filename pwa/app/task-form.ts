import { html, type TemplateResult } from "lit";
import type { HorizonName } from "../../oracle-core/greeks";
import type { PricingRow, TaskRequest } from "../../oracle-core/greeks";
import { REFERENCE_PROFILES } from "../../oracle-core/greeks";
import { taskIssues, type TaskField } from "../../oracle-core/greeks";
import type { ReferenceProfile } from "../../oracle-core/schemas";
import { tokens } from "./display-format";
import { numberField, parseNumber } from "./fields";

/**
 * A task as typed in a form: strings, so that an invalid entry stays on screen with its message and is never lost.
 * η and ω are percentages here; the request carries them as fractions.
 */
export interface TaskForm {
  n_in: string;
  n_out: string;
  n_think: string;
  eta: string;
  omega: string;
  cache_ttl: "5m" | "1h";
  mode: "sync" | "batch";
  horizon: HorizonName;
}

/** The fields typed as numbers. */
export type NumberKey = "n_in" | "n_out" | "n_think" | "eta" | "omega";

const PERCENT = new Set<NumberKey>(["eta", "omega"]);
const percent = (fraction: number) => String(Math.round(fraction * 100));

/** A form holding a reference profile (default the first, RAG: 30,000 in, 800 out, 60% cache), spot, sync. */
export function taskForm(p: ReferenceProfile = REFERENCE_PROFILES[0]!, over: Partial<TaskForm> = {}): TaskForm {
  const f: TaskForm = {
    n_in: "",
    n_out: "",
    n_think: "0",
    eta: "",
    omega: "0",
    cache_ttl: "5m",
    mode: "sync",
    horizon: "spot",
  };
  applyProfile(f, p);
  return Object.assign(f, over);
}

/** Puts a reference profile's numbers in the form (ω back to 0: the profiles write nothing to the cache). */
export function applyProfile(f: Pick<TaskForm, "n_in" | "n_out" | "eta" | "omega">, p: ReferenceProfile): void {
  f.n_in = String(p.n_in);
  f.n_out = String(p.n_out);
  f.eta = percent(p.eta);
  f.omega = "0";
}

/** A reference profile in words: "30,000 in, 800 out, 60% cache". */
export function profileText(p: ReferenceProfile): string {
  return `${tokens(p.n_in)} in, ${tokens(p.n_out)} out, ${percent(p.eta)}% cache`;
}

/** What each number field is called: the label beside it and the name its messages start with. */
const TEXT: Record<NumberKey, { name: string; label: TemplateResult; hint: string }> = {
  n_in: {
    name: "Input tokens n_in",
    label: html`Input tokens <span class="sym">n</span><sub>in</sub>`,
    hint: "Prompt, context and documents you send",
  },
  n_out: {
    name: "Output tokens n_out",
    label: html`Output tokens <span class="sym">n</span><sub>out</sub>`,
    hint: "The answer's length",
  },
  n_think: {
    name: "Thinking tokens n_think",
    label: html`Thinking tokens <span class="sym">n</span><sub>think</sub>`,
    hint: "Reasoning tokens the model spends before answering",
  },
  eta: {
    name: "Cache hit rate η",
    label: html`Cache hit rate <span class="sym">η</span> (%)`,
    hint: "Share of the prompt read from the provider's cache",
  },
  omega: {
    name: "Cache write share ω",
    label: html`Cache write share <span class="sym">ω</span> (%)`,
    hint: "Share of the prompt written to the cache on this call",
  },
};

/** A form's task checked by oracle-core's rules: each shown field's message, and the request when there is none. */
export interface TaskCheck {
  errors: Partial<Record<TaskField, string>>;
  req: TaskRequest | null;
}

/**
 * The request from the fields a page shows (`fields`; the others take priceTask's defaults), checked by
 * oracle-core's taskIssues: each message is the field's name, the rule in words and its code. With `row`, n_out is
 * also checked against the model's max output.
 */
export function checkTask(
  f: Partial<TaskForm>,
  fields: readonly (keyof TaskForm)[],
  row?: Pick<PricingRow, "max_output">,
): TaskCheck {
  const pick = <K extends keyof TaskForm>(k: K) => (fields.includes(k) ? f[k] : undefined);
  const num = (k: NumberKey) => {
    const v = pick(k);
    return v === undefined ? undefined : parseNumber(v) / (PERCENT.has(k) ? 100 : 1);
  };
  const req: TaskRequest = {
    n_in: num("n_in") ?? Number.NaN,
    n_out: num("n_out"),
    n_think: num("n_think"),
    eta: num("eta"),
    omega: num("omega"),
    cache_ttl: pick("cache_ttl"),
    mode: pick("mode"),
    horizon: pick("horizon"),
  };
  const errors: TaskCheck["errors"] = {};
  for (const i of taskIssues(req, row)) {
    errors[i.field] ??= `${TEXT[i.field as NumberKey]?.name ?? i.field} ${i.rule} (${i.code})`;
  }
  return { errors, req: Object.keys(errors).length ? null : req };
}

/** Options of {@link taskField}. */
export interface TaskFieldOptions {
  /** Element id (the page's prefix and the field: "cmp-n-in"). */
  id: string;
  key: NumberKey;
  form: Partial<TaskForm>;
  check: TaskCheck;
  onInput: (raw: string) => void;
  label?: string | TemplateResult;
  hint?: string;
  max?: number;
}

/** A task's number field with its label, hint and oracle-core's message. */
export function taskField(o: TaskFieldOptions): TemplateResult {
  const t = TEXT[o.key];
  const pct = PERCENT.has(o.key);
  return numberField({
    id: o.id,
    label: o.label ?? t.label,
    value: o.form[o.key] ?? "",
    error: o.check.errors[o.key],
    hint: o.hint ?? t.hint,
    min: 0,
    ...(pct ? { max: 100 } : { step: "1", ...(o.max !== undefined ? { max: o.max } : {}) }),
    onInput: o.onInput,
  });
}
