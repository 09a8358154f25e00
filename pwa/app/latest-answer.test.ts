// The latest input's answer is the one shown, whatever order the answers arrive in.
import type { ReactiveController, ReactiveControllerHost } from "lit";
import { describe, expect, it } from "vitest";
import type { Result } from "../worker/worker-api";
import { LatestAnswer } from "./latest-answer";

/** The part of a LitElement a controller talks to, counting the re-renders it asks for. */
class Host implements ReactiveControllerHost {
  controllers: ReactiveController[] = [];
  updates = 0;
  readonly updateComplete = Promise.resolve(true);
  addController(c: ReactiveController): void {
    this.controllers.push(c);
  }
  removeController(): void {}
  requestUpdate(): void {
    this.updates++;
  }
}

/** A call whose answer arrives when the test says so. */
function pending<T>() {
  let answer!: (r: Result<T>) => void;
  const promise = new Promise<Result<T>>((r) => (answer = r));
  return { call: () => promise, answer };
}

describe("LatestAnswer", () => {
  it("drops an older answer that arrives after a newer one", async () => {
    const host = new Host();
    const a = new LatestAnswer<number>(host);
    expect(host.controllers).toEqual([a]);
    const slow = pending<number>();
    const fast = pending<number>();
    const first = a.ask(slow.call);
    const second = a.ask(fast.call);
    fast.answer({ ok: true, value: 2 });
    await second;
    expect(a.value).toBe(2);
    slow.answer({ ok: true, value: 1 });
    await first;
    expect(a.value).toBe(2); // still the newer input's answer
    expect(host.updates).toBe(1);
  });

  it("keeps the last answer while the next is computed; invalid input clears it, drops what is in flight", async () => {
    const host = new Host();
    const a = new LatestAnswer<number>(host);
    await a.ask(async () => ({ ok: true, value: 7 }));
    const next = pending<number>();
    const inFlight = a.ask(next.call);
    expect(a.value).toBe(7);
    await a.ask(null);
    expect(a.value).toBeNull();
    next.answer({ ok: true, value: 8 });
    await inFlight;
    expect(a.value).toBeNull();
  });

  it("a failure replaces the answer with its reason; the next answer clears it", async () => {
    const a = new LatestAnswer<number>(new Host());
    const error = { code: "E_ETA_RANGE", message: "eta (cache-hit fraction) must be in [0,1], got 1.5" };
    await a.ask(async () => ({ ok: false, error }));
    expect([a.value, a.fail?.code]).toEqual([null, "E_ETA_RANGE"]);
    await a.ask(async () => ({ ok: true, value: 3 }));
    expect([a.value, a.fail]).toEqual([3, null]);
  });

  it("drops what is in flight when the page leaves", async () => {
    const host = new Host();
    const a = new LatestAnswer<number>(host);
    const late = pending<number>();
    const asked = a.ask(late.call);
    a.hostDisconnected();
    late.answer({ ok: true, value: 5 });
    await asked;
    expect([a.value, host.updates]).toEqual([null, 0]);
  });
});
