import { describe, expect, it } from "vitest";
import registry from "../../data/registry.json";
import { CurationEntrySchema, type CurationEntry } from "../schemas/curation";
import { RegistryEntrySchema, RegistryFileSchema } from "../schemas/registry";
import { applyCuration, setAsideByPreference } from "./apply-curation";

const models = RegistryFileSchema.parse(registry).models;
const signed = { reason: "a reason of at least ten characters", author: "test", date: "2026-12-02" };
const entry = (e: Record<string, unknown>): CurationEntry => CurationEntrySchema.parse({ ...e, ...signed });
const row = <T extends { ticker: string }>(ms: readonly T[], t: string): T => ms.find((m) => m.ticker === t)!;

describe("applyCuration on the bundled registry", () => {
  it("no curation leaves every entry as it was", () => {
    const u = applyCuration(models, []);
    expect(u.models).toEqual(models);
    expect([u.aliases.size, u.preferred.size, u.rejected.size, u.unmatched.length]).toEqual([0, 0, 0, 0]);
  });

  it("retires GPT-4 on the day given, with the reason; the input entry is untouched", () => {
    const before = row(models, "GPT-4");
    expect(before.status).toBe("legacy");
    const u = applyCuration(models, [
      entry({ action: "lifecycle", ticker: "GPT-4", status: "retired", on: "2026-03-26" }),
    ]);
    const gpt4 = row(u.models, "GPT-4");
    expect([gpt4.status, gpt4.retired_at, gpt4.status_reason]).toEqual(["retired", "2026-03-26", signed.reason]);
    expect(row(models, "GPT-4").status).toBe("legacy");
    expect(u.models).toHaveLength(models.length);
    // The curated row still passes the registry's own checks (a legacy row needs its reason, which it has).
    expect(RegistryEntrySchema.safeParse(gpt4).success).toBe(true);
  });

  it("a deprecation without `on` takes the entry's date; a later entry about the same ticker wins", () => {
    const u = applyCuration(models, [
      entry({ action: "lifecycle", ticker: "O1", status: "deprecated" }),
      entry({ action: "lifecycle", ticker: "O1", status: "active" }),
      entry({ action: "lifecycle", ticker: "O3", status: "deprecated" }),
    ]);
    expect(row(u.models, "O3").deprecated_at).toBe("2026-12-02");
    expect(row(u.models, "O1").status).toBe("active");
    expect(row(u.models, "O1").deprecated_at).toBeUndefined();
  });

  it("assigns a family, and keeps an entry naming no ticker as unmatched", () => {
    const u = applyCuration(models, [
      entry({ action: "family", ticker: "O3", family: "openai-o" }),
      entry({ action: "family", ticker: "NO-SUCH-MODEL", family: "x" }),
    ]);
    expect(row(models, "O3").family).toBe("openai-reasoning");
    expect(row(u.models, "O3").family).toBe("openai-o");
    expect(u.unmatched.map((c) => c.action)).toEqual(["family"]);
  });

  it("collects aliases, preferred sources and rejected candidates; a rejection retires only a provisional row", () => {
    const provisional = { ...row(models, "O3"), ticker: "GPT-9-MINI", status: "provisional" as const };
    const u = applyCuration(
      [...models, provisional],
      [
        entry({ action: "ticker-alias", id: "mistral-large-2512", ticker: "MISTRAL-LARGE-3" }),
        entry({ action: "prefer-source", ticker: "O3", source: "litellm" }),
        entry({ action: "reject-listing", ticker: "GPT-9-MINI" }),
        entry({ action: "reject-listing", ticker: "O3" }),
      ],
    );
    expect([...u.aliases]).toEqual([["mistral-large-2512", "MISTRAL-LARGE-3"]]);
    expect([...u.preferred]).toEqual([["O3", "litellm"]]);
    expect([...u.rejected]).toEqual(["GPT-9-MINI", "O3"]);
    expect(row(u.models, "GPT-9-MINI").status).toBe("retired");
    expect(row(u.models, "GPT-9-MINI").status_reason).toBe(`listing rejected: ${signed.reason}`);
    expect(row(u.models, "O3").status).toBe("active");
  });
});

describe("setAsideByPreference", () => {
  it("sets aside every other origin's value for a ticker with a preferred source, nothing for the others", () => {
    const setAside = setAsideByPreference(new Map([["DEEPSEEK-V3", "genai-prices" as const]]));
    expect(setAside("DEEPSEEK-V3", "input", "openrouter", 0.27)).toBe(true);
    expect(setAside("DEEPSEEK-V3", "input", "genai-prices", 0.27)).toBe(false);
    expect(setAside("O3", "input", "openrouter", 2)).toBe(false);
  });
});
