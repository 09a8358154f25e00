import type { ReactiveController, ReactiveControllerHost } from "lit";
import type { Fail, Result } from "../worker/worker-api";

/**
 * "Latest answer wins" for a page that recomputes as the reader types: each `ask` supersedes the calls still in
 * flight, whose answers are dropped when they arrive, so a slow answer to an older input never replaces a newer one.
 * The last answer stays on screen while the next is computed; invalid input (`ask(null)`) clears it.
 * @example
 * private readonly answer = new LatestAnswer<CompareRowsResult>(this);
 * this.answer.ask(req ? () => compute((api) => api.compare(req, null)) : null);
 */
export class LatestAnswer<T> implements ReactiveController {
  /** The answer to the latest input, or null (none yet, or invalid input, or it failed). */
  value: T | null = null;
  /** Why the latest input has no answer (an oracle-core or worker code). */
  fail: Fail | null = null;
  private seq = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** A page that leaves drops what is still in flight. */
  hostDisconnected(): void {
    this.seq++;
  }

  /** Runs `call` for the current input (null: the input is invalid, nothing is computed); resolves once settled. */
  async ask(call: (() => Promise<Result<T>>) | null): Promise<void> {
    const my = ++this.seq;
    if (!call) {
      this.value = null;
      this.fail = null;
      this.host.requestUpdate();
      return;
    }
    const r = await call();
    if (my !== this.seq) return;
    this.value = r.ok ? r.value : null;
    this.fail = r.ok ? null : r.error;
    this.host.requestUpdate();
  }
}
