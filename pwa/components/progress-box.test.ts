// Component test (@web/test-runner, real Chromium): the long-job progress line and its Cancel event.
import { expect } from "chai";
import { render } from "lit";
import { progressBox } from "./progress-box";

function mount(p: { phase: string; done: number; total: number }, onCancel = () => {}): HTMLElement {
  const host = document.createElement("div");
  render(progressBox(p, "Simulating", onCancel, 1_000, 3_450), host);
  return host.querySelector<HTMLElement>('[data-testid="progress"]')!;
}

describe("progressBox", () => {
  it("a known total: a determinate bar, the percentage (floored) and the seconds since start", () => {
    const el = mount({ phase: "paths", done: 2_999, total: 10_000 });
    const bar = el.querySelector("progress")!;
    expect([bar.max, bar.value, bar.getAttribute("aria-label")]).to.deep.equal([10_000, 2_999, "Simulating"]);
    expect(el.querySelector("span")!.textContent).to.equal("paths — 29% · 2.5 s");
    expect(el.getAttribute("role")).to.equal("status");
  });

  it("no total yet: an indeterminate bar (no value) and no percentage", () => {
    const el = mount({ phase: "loading the tokenizer", done: 0, total: 0 });
    expect(el.querySelector("progress")!.hasAttribute("value")).to.equal(false);
    expect(el.querySelector("span")!.textContent).to.equal("loading the tokenizer · 2.5 s");
  });

  it("Cancel calls back once per click", () => {
    let cancelled = 0;
    const el = mount({ phase: "paths", done: 1, total: 2 }, () => cancelled++);
    el.querySelector("button")!.click();
    expect(cancelled).to.equal(1);
  });
});
