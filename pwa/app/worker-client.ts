import { proxy, wrap, type Remote } from "comlink";
import type { OnProgress, Progress, Result, WorkerApi } from "../worker/worker-api";

/** How long a cancelled job may take to notice before its worker is terminated and replaced. */
const HARD_CANCEL_MS = 300;

const CANCELLED = { ok: false as const, error: { code: "E_CANCELLED", message: "cancelled" } };

/** A long call in flight: its result (E_CANCELLED when cancelled) and a way to stop it. */
export interface Job<T> {
  readonly id: number;
  /** Settles with the answer, or with E_CANCELLED as soon as cancel() is called (the reader never waits). */
  readonly result: Promise<Result<T>>;
  /** Settles once the worker is free again: the job returned, noticed the cancel, or its worker was replaced. */
  readonly idle: Promise<void>;
  cancel(): void;
}

let nextJob = 1;

function spawn(name: string): Worker {
  // Vite bundles the worker from this exact expression (one module, two instances: "math" and "tokens").
  return new Worker(new URL("../worker/exo-worker.ts", import.meta.url), { type: "module", name });
}

/**
 * One worker instance. Calls go through `call` so that when the instance is terminated (hard cancel of a
 * job stuck in WASM), every call still waiting on it settles with E_CANCELLED instead of hanging.
 */
export class Lane {
  private worker!: Worker;
  private remote!: Remote<WorkerApi>;
  private readonly pending = new Set<(e: Error) => void>();

  constructor(
    private readonly name: string,
    private readonly onRespawn: (api: Remote<WorkerApi>) => Promise<unknown> = async () => undefined,
  ) {
    this.start();
  }

  private start(): void {
    this.worker = spawn(this.name);
    this.remote = wrap<WorkerApi>(this.worker);
  }

  /** Runs a call on the worker (rejects if the worker is restarted meanwhile). */
  call<T>(fn: (api: Remote<WorkerApi>) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.add(reject);
      fn(this.remote)
        .then(resolve, reject)
        .finally(() => this.pending.delete(reject));
    });
  }

  /** Terminates the instance, settles its waiting calls as cancelled and starts a fresh one. */
  async restart(): Promise<void> {
    this.worker.terminate();
    for (const reject of this.pending) reject(new Error("E_CANCELLED: the worker was restarted"));
    this.pending.clear();
    this.start();
    await this.onRespawn(this.remote);
  }

  /**
   * A cancellable job: cancel() answers at once (result settles with E_CANCELLED) and asks the worker to stop at
   * its next check; if it has not stopped within HARD_CANCEL_MS (a long WASM call cannot check), the worker is
   * terminated and replaced. Start the next job on this lane after `idle`, not after `result`.
   */
  job<T>(
    run: (api: Remote<WorkerApi>, id: number, onProgress: OnProgress) => Promise<Result<T>>,
    onProgress: (p: Progress) => void,
  ): Job<T> {
    const id = nextJob++;
    let done = false;
    let cancelled!: (r: Result<T>) => void;
    const stop = new Promise<Result<T>>((r) => (cancelled = r));
    const work = this.call((api) => run(api, id, proxy(onProgress))).catch((): Result<T> => CANCELLED);
    let freed!: () => void;
    const idle = new Promise<void>((r) => (freed = r));
    void work.then(() => {
      done = true;
      freed();
    });
    const result = Promise.race([work, stop]);
    return {
      id,
      result,
      idle,
      cancel: () => {
        if (done) return;
        cancelled(CANCELLED);
        void this.remote.cancel(id);
        setTimeout(() => {
          if (done) return;
          done = true;
          void this.restart().then(freed, freed);
        }, HARD_CANCEL_MS);
      },
    };
  }
}

let math: Lane | null = null;
let tokens: Lane | null = null;

/** The worker for prices and snapshots (re-loads the stored snapshot if it is ever restarted). */
export function mathLane(): Lane {
  math ??= new Lane("math", (api) => api.start(Date.now()));
  return math;
}

/** The worker for tokenization, started on first use. */
export function tokenLane(): Lane {
  tokens ??= new Lane("tokens");
  return tokens;
}

/** Shorthand: a call on the math worker that answers a Result. */
export function compute<T>(fn: (api: Remote<WorkerApi>) => Promise<Result<T>>): Promise<Result<T>> {
  return mathLane()
    .call(fn)
    .catch((): Result<T> => CANCELLED);
}
