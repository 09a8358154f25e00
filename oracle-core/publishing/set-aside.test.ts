import { describe, expect, it } from "vitest";
import registry from "../../data/registry.json";
import { RegistryFileSchema } from "../schemas/registry";
import { setAsideFromRegistry } from "./set-aside";

// The bundled registry chose O3's $8 output over llm-prices' $40 (its history file still lists the pre-cut price).
const setAside = setAsideFromRegistry(RegistryFileSchema.parse(registry).models);

describe("setAsideFromRegistry on the bundled registry", () => {
  it("sets aside the value the curation refused, from that source and its copies, within 0.1%", () => {
    expect(setAside("O3", "output", "llm-prices", 40)).toBe(true);
    expect(setAside("O3", "output", "llm-prices-historical", 40.03)).toBe(true);
    expect(setAside("O3", "output", "llm-prices", 40.1)).toBe(false);
  });

  it("never sets aside the chosen value, another source's quote or another field", () => {
    expect(setAside("O3", "output", "llm-prices", 8)).toBe(false);
    expect(setAside("O3", "output", "litellm", 40)).toBe(false);
    expect(setAside("O3", "input", "llm-prices", 40)).toBe(false);
    expect(setAside("O3", "input", "llm-prices", 10)).toBe(true);
  });
  it("tells a value set aside for a named cause from one only out-voted (GROK-4.20-MULTI-AGENT's $6)", () => {
    const models = RegistryFileSchema.parse(registry).models;
    const outvoted = setAsideFromRegistry(models, "outvoted");
    const explained = setAsideFromRegistry(models, "explained");
    expect(outvoted("GROK-4.20-MULTI-AGENT", "output", "genai-prices", 6)).toBe(true);
    expect(explained("GROK-4.20-MULTI-AGENT", "output", "genai-prices", 6)).toBe(false);
    expect(outvoted("O3", "output", "llm-prices", 40)).toBe(false);
    expect(explained("O3", "output", "llm-prices", 40)).toBe(true);
  });
});
