import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from "lit";
import { bytesEstimate, sizeEstimate, utf8Length } from "../../oracle-core/tokens";
import { tokens } from "../app/display-format";
import { tokenLane, type Job } from "../app/worker-client";
import { progressBox } from "../components/progress-box";
import type { Fail, Progress, TokenCount } from "../worker/worker-api";
import { SIZE_ESTIMATE_BYTES } from "./prompt-paste";

/**
 * A prompt longer than this (UTF-16 units) goes to the worker in slices of this size, one message per task: cloning
 * 5 MB in one message takes ~20 ms, measuring and normalising it ~35 ms; a slice costs ~2 ms, so the page never
 * stalls. 64 slices per 5 MB take ~0.1 s in all.
 */
const SLICE_UNITS = 1 << 16;

/** Line breaks as a textarea keeps them (CR LF and CR become LF), so a held paste counts like a typed one. */
const normalise = (s: string) => (s.includes("\r") ? s.replace(/\r\n?/g, "\n") : s);

/**
 * Counts a prompt in the tokenizer worker (never over the network), newest request wins: shows progress with
 * Cancel while it runs (and, for a paste over 200 KB, an instant size-based estimate), then the count with its
 * label (exact, exact for the open vocabulary, or an estimate with its band) or why there is none.
 */
export class PromptCounter implements ReactiveController {
  count: TokenCount | null = null;
  private fail: Fail | null = null;
  private job: Job<TokenCount> | null = null;
  /**
   * Settles when the tokenizer worker is free again after the last job. A cancelled job's answer shows at once, but
   * its worker may still be inside one long merge until it is replaced (HARD_CANCEL_MS later): a new count started
   * meanwhile would be lost with that worker, so it waits for this.
   */
  private free: Promise<void> = Promise.resolve();
  private progress: Progress | null = null;
  private bySize: ReturnType<typeof sizeEstimate> | null = null;
  private started = 0;
  private gen = 0;
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
    const free = this.free;
    this.cancel();
    this.job = null;
    this.count = null;
    this.fail = null;
    this.bySize = null;
    const gen = ++this.gen;
    if (!text) {
      this.progress = null;
      return this.host.requestUpdate();
    }
    // Small prompts: one linear scan, no allocation; large ones are measured slice by slice as they are handed over.
    const large = text.length > SLICE_UNITS;
    const sized = !large && text.length * 3 > SIZE_ESTIMATE_BYTES && utf8Length(text) > SIZE_ESTIMATE_BYTES;
    if (sized) this.bySize = sizeEstimate(text);
    this.progress = { done: 0, total: text.length, phase: large ? "reading the prompt" : "starting" };
    this.started = Date.now();
    this.ticking ??= setInterval(() => this.host.requestUpdate(), 200); // the elapsed seconds
    // A superseded count that cannot stop at once gets its worker replaced: start once the worker is free again.
    const run = async () => {
      if (gen !== this.gen) return;
      if (large) {
        const bytes = await this.handOver(text, gen);
        if (bytes === null) return;
        if (bytes > SIZE_ESTIMATE_BYTES) this.bySize = bytesEstimate(bytes);
      }
      const input = large ? null : text;
      const job = tokenLane().job<TokenCount>(
        (api, id, onP) => api.countTokens(id, input, tokenizer, onP),
        (p) => {
          // Progress comes on its own message port: it can arrive after the result, or from a superseded count.
          if (gen !== this.gen || this.job !== job) return;
          this.progress = p;
          this.host.requestUpdate();
        },
      );
      this.job = job;
      this.free = job.idle;
      void job.result.then((r) => {
        if (this.job !== job) return;
        this.stopTicking();
        this.job = null;
        this.progress = null;
        this.bySize = null;
        if (r.ok) {
          this.count = r.value;
          this.onCounted(r.value);
        } else {
          this.fail =
            r.error.code === "E_CANCELLED"
              ? {
                  code: "E_CANCELLED",
                  message: "Token count cancelled: type n_in instead, or edit the prompt to count again.",
                }
              : r.error;
        }
        this.host.requestUpdate();
      });
      this.host.requestUpdate();
    };
    void free.then(run);
    this.host.requestUpdate();
  }

  /**
   * Hands a large prompt to the tokenizer worker slice by slice (each awaited: one short task each), normalising
   * line breaks and measuring its UTF-8 size on the way; null if a newer request or Cancel came meanwhile.
   */
  private async handOver(text: string, gen: number): Promise<number | null> {
    const lane = tokenLane();
    let bytes = 0;
    for (let at = 0; at < text.length; ) {
      let end = Math.min(text.length, at + SLICE_UNITS);
      // Never split a CR LF pair or a surrogate pair between two slices.
      const splits = (c: number) => c === 13 || (c & 0xfc00) === 0xd800;
      while (end < text.length && splits(text.charCodeAt(end - 1))) end++;
      const slice = normalise(text.slice(at, end));
      bytes += utf8Length(slice);
      const first = at === 0;
      at = end;
      try {
        await lane.call((api) => api.stagePrompt(slice, first));
      } catch {
        return null; // the worker was replaced meanwhile (a superseded count): a newer request follows
      }
      if (gen !== this.gen) return null;
      this.progress = { done: at, total: text.length, phase: "reading the prompt" };
      this.host.requestUpdate();
    }
    return bytes;
  }

  /** Stops a running count (the worker is replaced if it cannot stop at once). */
  cancel(): void {
    this.job?.cancel();
    this.stopTicking();
  }

  /** The reader's Cancel: stops the count (the answer shows at once), and one still waiting to start. */
  private userCancel(): void {
    if (this.job) return this.job.cancel();
    this.gen++;
    this.stopTicking();
    this.progress = null;
    this.bySize = null;
    this.fail = {
      code: "E_CANCELLED",
      message: "Token count cancelled: type n_in instead, or edit the prompt to count again.",
    };
    this.host.requestUpdate();
  }

  /** Forgets the last count (the prompt was cleared). */
  clear(): void {
    this.cancel();
    this.gen++;
    this.job = null;
    this.progress = null;
    this.bySize = null;
    this.count = null;
    this.fail = null;
  }

  private stopTicking(): void {
    if (this.ticking) clearInterval(this.ticking);
    this.ticking = null;
  }

  /** The line under the prompt box. */
  view(): TemplateResult | typeof nothing {
    if (this.progress) {
      const s = this.bySize;
      return html`${progressBox(this.progress, "Counting tokens", () => this.userCancel(), this.started, Date.now())}
      ${s ? html`<p data-testid="size-estimate" data-value=${s.n_in}>≈ ${tokens(s.n_in)} tokens — ${s.label}, ${tokens(s.bytes)} bytes; the exact count is running</p>` : nothing}`;
    }
    if (this.fail) return html`<p class="notice">${this.fail.message}</p>`;
    const c = this.count;
    if (!c) return nothing;
    const strong = (text: string) =>
      html`<strong data-testid="token-count" data-value=${c.n_in} data-kind=${c.kind} data-ms=${c.ms}>${text}</strong>`;
    const how =
      c.kind === "estimate"
        ? html`${strong(`≈ ${tokens(c.n_in)} tokens (${c.label})`)} — likely between ${tokens(c.band[0])} and ${tokens(c.band[1])}. ${c.method}.`
        : html`${strong(`${tokens(c.n_in)} tokens`)} — <span data-testid="token-label">${c.label}</span>, ${c.method}`;
    return html`<p>${how} <span class="muted">(${tokens(c.chars)} characters, ${c.ms.toFixed(0)} ms; n<sub>in</sub> set to this count)</span></p>`;
  }
}
