import { describe, expect, it } from "vitest";
import { lifecycleNotes, retiredLast } from "./lifecycle-note";

const ON = "2026-11-24";

describe("lifecycleNotes: what a client says beside a row", () => {
  it("active and legacy rows carry no note", () => {
    expect(lifecycleNotes({ lifecycle: "active" }, ON)).toEqual([]);
    expect(lifecycleNotes({ lifecycle: "legacy" }, ON)).toEqual([]);
  });

  it("provisional: the label, and the listing date and its meaning in the title", () => {
    const [n] = lifecycleNotes({ lifecycle: "provisional", listed_at: "2026-11-20" }, ON);
    expect(n!.label).toBe("provisional");
    expect(n!.title).toBe("provisional — listed 2026-11-20, unconfirmed: listed from two agreeing sources");
    expect(lifecycleNotes({ lifecycle: "provisional" }, ON)[0]!.title).toMatch(/^provisional — unconfirmed: /);
  });

  it("deprecated says when it retires; retired says when it did", () => {
    const dep = { lifecycle: "deprecated", deprecated_at: "2026-06-06", retired_at: "2027-01-15" } as const;
    expect(lifecycleNotes(dep, ON)[0]!.label).toBe("retires 2027-01-15");
    expect(lifecycleNotes(dep, ON)[0]!.title).toBe(
      "retires 2027-01-15 (deprecated 2026-06-06): still quoted until then",
    );
    expect(lifecycleNotes({ lifecycle: "deprecated" }, ON)[0]!.label).toBe("deprecated");
    expect(lifecycleNotes({ lifecycle: "retired", retired_at: "2026-10-01" }, ON).map((n) => n.label)).toEqual([
      "retired 2026-10-01",
    ]);
  });

  it("unquoted from 14 days without a healthy quote (2026-11-10 → 2026-11-24), not at 13", () => {
    expect(lifecycleNotes({ lifecycle: "active", unquoted_since: "2026-11-10" }, ON).map((n) => n.label)).toEqual([
      "unquoted since 2026-11-10",
    ]);
    expect(lifecycleNotes({ lifecycle: "active", unquoted_since: "2026-11-11" }, ON)).toEqual([]);
    const both = lifecycleNotes(
      { lifecycle: "deprecated", retired_at: "2027-01-15", unquoted_since: "2026-10-01" },
      ON,
    );
    expect(both.map((n) => n.kind)).toEqual(["deprecated", "unquoted"]);
  });
});

describe("retiredLast", () => {
  it("moves retired rows to the end and keeps the order of the rest", () => {
    const rows = [
      { t: "A", lifecycle: "retired" },
      { t: "B", lifecycle: "active" },
      { t: "C", lifecycle: "retired" },
      { t: "D", lifecycle: "provisional" },
    ] as const;
    expect(retiredLast(rows).map((r) => r.t)).toEqual(["B", "D", "A", "C"]);
  });
});
