import { describe, expect, it } from "vitest";
import history from "../../data/history.json";
import { HistoryFileSchema } from "../schemas/observation";
import { lastChange } from "./greek-sheet";

const obs = HistoryFileSchema.parse(history).observations;

describe("lastChange", () => {
  it("counts SONNET-5's scheduled end of its introductory price once 2026-09-01 has come (10 → 15)", () => {
    expect(lastChange(obs, "SONNET-5", "2026-11-24")).toEqual({
      field: "output",
      from: 10,
      to: 15,
      effective_at: "2026-09-01",
    });
  });

  it("ignores the scheduled price before its date: the launch at 10 is still the last change", () => {
    expect(lastChange(obs, "SONNET-5", "2026-08-21")).toEqual({
      field: "output",
      from: null,
      to: 10,
      effective_at: "2026-06-30",
    });
  });
});
