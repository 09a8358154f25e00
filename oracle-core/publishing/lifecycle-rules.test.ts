import { describe, expect, it } from "vitest";
import {
  deprecationEvidence,
  lifecycleRuleMoves,
  type LifecycleRowState,
  type LifecycleSignal,
} from "./lifecycle-rules";

const row = (over: Partial<LifecycleRowState> = {}): LifecycleRowState => ({
  ticker: "GPT-4",
  lifecycle: "active",
  retired_at: null,
  unquoted_since: null,
  unquoted_flagged: false,
  manual: false,
  ...over,
});
const sig = (id: string, over: Partial<LifecycleSignal> = {}): LifecycleSignal => ({
  ticker: "GPT-4",
  source: "litellm",
  id,
  primary: false,
  deprecated: false,
  ...over,
});
const quoted = new Set(["GPT-4"]);

describe("deprecationEvidence", () => {
  it("an undated primary alias falls with every dated snapshot of its source (GPT-4 in LiteLLM)", () => {
    const signals = [
      sig("gpt-4", { primary: true }),
      sig("gpt-4-0613", { retires_on: "2025-06-06" }),
      sig("gpt-4-0314", { retires_on: "2026-03-26" }),
    ];
    expect(deprecationEvidence(signals).map((s) => s.id)).toEqual(["gpt-4-0613", "gpt-4-0314"]);
    expect(deprecationEvidence(signals.slice(0, 2).concat(sig("gpt-4-0314")))).toEqual([]);
  });
  it("a marked primary id is evidence; a marked alias alone is not", () => {
    expect(deprecationEvidence([sig("gpt-4", { primary: true, deprecated: true })])).toHaveLength(1);
    expect(
      deprecationEvidence([sig("gpt-4", { primary: true }), sig("gpt-4-turbo-preview", { deprecated: true })]),
    ).toEqual([]);
  });
});

describe("lifecycleRuleMoves", () => {
  const gpt4 = [sig("gpt-4", { primary: true, retires_on: "2026-03-26", source: "litellm" })];
  it("active with a future shutdown date → deprecated today, retiring on the date", () => {
    const moves = lifecycleRuleMoves({ rows: [row()], signals: gpt4, quoted, today: "2026-01-10" });
    expect(moves).toEqual([
      {
        ticker: "GPT-4",
        kind: "deprecated",
        to: "deprecated",
        on: "2026-01-10",
        retires_on: "2026-03-26",
        reason: "litellm retires gpt-4 on 2026-03-26",
        source: "litellm",
      },
    ]);
  });
  it("a past shutdown date deprecates and retires in one run; the retirement is dated the shutdown day", () => {
    const moves = lifecycleRuleMoves({ rows: [row()], signals: gpt4, quoted, today: "2026-04-01" });
    expect(moves.map((m) => [m.kind, m.on])).toEqual([
      ["deprecated", "2026-04-01"],
      ["retired", "2026-03-26"],
    ]);
  });
  it("legacy, manual and already-deprecated rows without a date are left alone", () => {
    const rows = [
      row({ lifecycle: "legacy" }),
      row({ ticker: "B", manual: true }),
      row({ ticker: "C", lifecycle: "deprecated" }),
    ];
    const signals = [gpt4[0]!, { ...gpt4[0]!, ticker: "B" }, { ...gpt4[0]!, ticker: "C" }];
    expect(lifecycleRuleMoves({ rows, signals, quoted: new Set(["GPT-4", "B", "C"]), today: "2026-01-10" })).toEqual(
      [],
    );
  });
  it("missing → unquoted after 14 days (one event) → requoted", () => {
    const today = "2026-01-15";
    const none = new Set<string>();
    expect(lifecycleRuleMoves({ rows: [row()], signals: [], quoted: none, today })[0]).toMatchObject({
      kind: "missing",
      on: today,
    });
    const since = row({ unquoted_since: "2026-01-02" });
    expect(lifecycleRuleMoves({ rows: [since], signals: [], quoted: none, today })).toEqual([]); // 13 days
    const due = row({ unquoted_since: "2026-01-01" });
    expect(lifecycleRuleMoves({ rows: [due], signals: [], quoted: none, today })[0]).toMatchObject({
      kind: "unquoted",
      on: "2026-01-01",
    });
    const flagged = row({ unquoted_since: "2026-01-01", unquoted_flagged: true });
    expect(lifecycleRuleMoves({ rows: [flagged], signals: [], quoted: none, today })).toEqual([]);
    expect(lifecycleRuleMoves({ rows: [flagged], signals: [], quoted, today })[0]!.kind).toBe("requoted");
  });
});
