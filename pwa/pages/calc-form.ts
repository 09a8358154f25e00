import type { GreekRow } from "../../oracle-core/schemas";
import { checkTask, taskForm, type TaskCheck, type TaskForm } from "../app/task-form";

/** The calculator's form: the task, the model and the prompt (counted on the device; never saved). */
export interface CalcForm extends TaskForm {
  ticker: string;
  prompt: string;
}

/** The RAG reference profile on spot, sync. */
export const DEFAULT_FORM: Readonly<CalcForm> = { ticker: "", prompt: "", ...taskForm() };

const FIELDS = ["n_in", "n_out", "eta", "omega", "cache_ttl", "mode", "horizon"] as const;

/** The task checked by oracle-core's rules for this model (n_think only where it reasons; n_out ≤ its max output). */
export function checkCalc(form: CalcForm, row: GreekRow | undefined): TaskCheck {
  const c = checkTask(form, row?.reasoning ? [...FIELDS, "n_think"] : FIELDS, row);
  // Without the model's row there is nothing to price the task on.
  return row ? c : { errors: c.errors, req: null };
}

/** Slider position 0…1000 ↔ n_out 1…max on a log scale (so 100 and 100,000 are both reachable). */
export const SLIDER = 1000;
export const sliderPos = (n: number, max: number) =>
  Math.round((Math.log(Math.max(1, n)) / Math.log(Math.max(2, max))) * SLIDER);
export const sliderTokens = (p: number, max: number) =>
  Math.max(1, Math.min(max, Math.round(Math.exp((p / SLIDER) * Math.log(Math.max(2, max))))));
