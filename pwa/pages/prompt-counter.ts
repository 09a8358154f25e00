import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from "lit";
import { tokens } from "../app/display-format";
import { tokenLane, type Job } from "../app/worker-client";
import { progressBox } from "../components/progress-box";
import type { Fail, Progress, TokenCount } from "../worker/worker-api";

/**
 * Counts a prompt in the tokenizer worker (never over the network), newest request wins: shows progress with
 * Cancel while it runs, then the count (exact, or an estimate with its band) or why there is none.
 */
export class PromptCounter implements ReactiveController {
  count: TokenCount | null = null;
  private fail: Fail | null = null;
  private job: Job<TokenCount> | null = null;
  private progress: Progress | null = null;
  private started = 0;
  private ticking: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onCounted: (c: TokenCount) => void,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.cancel();
  }

  /** Starts counting `text` with a model's tokenizer (an empty text just clears the count). */
  start(text: string, tokenizer: string): void {
    this.cancel();
    this.count = null;
    this.fail = null;
    if (!text) return this.host.requestUpdate();
    this.progress = { done: 0, total: text.length, phase: "starting" };
    this.started = Date.now();
    this.ticking ??= setInterval(() => this.host.requestUpdate(), 200); // the elapsed seconds
    const job = tokenLane().job<TokenCount>((api, id, onP) => api.countTokens(id, text, tokenizer, onP), (p) => {
      this.progress = p;
      this.host.requestUpdate();
    });
    this.job = job;
    void job.result.then((r) => {
      if (this.job !== job) return;
      this.stopTicking();
      this.job = null;
      this.progress = null;
      if (r.ok) {
        this.count = r.value;
        this.onCounted(r.value);
      } else {
        this.fail = r.error.code === "E_CANCELLED" ? { code: "E_CANCELLED", message: "Token count cancelled: type n_in instead, or edit the prompt to count again." } : r.error;
      }
      this.host.requestUpdate();
    });
    this.host.requestUpdate();
  }

  /** Stops a running count (the worker is replaced if it cannot stop at once). */
  cancel(): void {
    this.job?.cancel();
    this.stopTicking();
  }

  /** Forgets the last count (the prompt was cleared). */
  clear(): void {
    this.cancel();
    this.job = null;
    this.progress = null;
    this.count = null;
    this.fail = null;
  }

  private stopTicking(): void {
    if (this.ticking) clearInterval(this.ticking);
    this.ticking = null;
  }

  /** The line under the prompt box. */
  view(): TemplateResult | typeof nothing {
    if (this.progress && this.job) {
      const job = this.job;
      return progressBox(this.progress, "Counting tokens", () => job.cancel(), this.started, Date.now());
    }
    if (this.fail) return html`<p class="notice">${this.fail.message}</p>`;
    const c = this.count;
    if (!c) return nothing;
    const how = c.exact
      ? html`<strong data-testid="token-count" data-value=${c.n_in} data-ms=${c.ms}>${tokens(c.n_in)} tokens</strong> — exact count with tiktoken ${c.encoding}`
      : html`<strong data-testid="token-count" data-value=${c.n_in} data-ms=${c.ms}>≈ ${tokens(c.n_in)} tokens (estimate)</strong> — likely between ${tokens(c.band[0])} and ${tokens(c.band[1])}. ${c.method}.`;
    return html`<p>${how} <span class="muted">(${tokens(c.chars)} characters, ${c.ms.toFixed(0)} ms; n<sub>in</sub> set to this count)</span></p>`;
  }
}
