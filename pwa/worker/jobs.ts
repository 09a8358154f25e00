import { OracleError } from "../../oracle-core";

const live = new Map<number, { aborted: boolean }>();

/** Registers a long job; its signal turns `aborted` when the page calls cancel(id). */
export function jobSignal(id: number): { readonly aborted: boolean } {
  const s = { aborted: false };
  live.set(id, s);
  return s;
}

/** Marks a job cancelled (it stops at its next check). */
export function cancelJob(id: number): void {
  const s = live.get(id);
  if (s) s.aborted = true;
}

/** Forgets a finished job. */
export function endJob(id: number): void {
  live.delete(id);
}

/** Throws E_CANCELLED when the job was cancelled. */
export function checkCancelled(signal: { readonly aborted: boolean }): void {
  if (signal.aborted) throw new OracleError("E_CANCELLED", "cancelled", "signal");
}

const channel = new MessageChannel();
const waiting: Array<() => void> = [];
channel.port1.onmessage = () => waiting.shift()?.();

/** Yields to the worker's event loop so a queued cancel() can run (a message round, faster than setTimeout). */
export function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}
