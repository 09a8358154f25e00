import { html, type TemplateResult } from "lit";
import type { Progress } from "../worker/worker-api";

/**
 * A progress line for a long job: a bar (indeterminate when total is 0), Cancel, and what is happening. Cancel comes
 * before the changing text so that it never moves under the pointer while the line updates.
 */
export function progressBox(
  p: Progress,
  label: string,
  onCancel: () => void,
  started: number,
  now: number,
): TemplateResult {
  const secs = ((now - started) / 1000).toFixed(1);
  return html`<div class="progress" role="status" data-testid="progress">
    ${
      p.total > 0
        ? html`<progress max=${p.total} .value=${p.done} aria-label=${label}></progress>`
        : html`<progress aria-label=${label}></progress>`
    }
    <button type="button" class="secondary" @click=${onCancel}>Cancel</button>
    <span>${p.phase}${p.total > 0 ? ` — ${Math.floor((100 * p.done) / p.total)}%` : ""} · ${secs} s</span>
  </div>`;
}
