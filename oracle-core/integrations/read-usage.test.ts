import { describe, expect, it } from "vitest";
import { readUsage } from "./read-usage";

describe("readUsage: provider usage → MATH.md §2.1 (n_in, n_out, n_think, η, ω)", () => {
  it("OpenAI chat: prompt_tokens is n_in (cached included), reasoning is taken out of completion_tokens", () => {
    const t = readUsage({
      prompt_tokens: 1000,
      completion_tokens: 300,
      prompt_tokens_details: { cached_tokens: 600 },
      completion_tokens_details: { reasoning_tokens: 200 },
    });
    expect(t).toMatchObject({
      format: "openai-chat",
      n_in: 1000,
      n_out: 100,
      n_think: 200,
      cache_read: 600,
      eta: 0.6,
      omega: 0,
    });
  });
  it("OpenAI chat with null details (older responses) and the whole response object", () => {
    const t = readUsage({
      object: "chat.completion",
      model: "gpt-4o-2024-08-06",
      usage: {
        prompt_tokens: 10,
        completion_tokens: 5,
        total_tokens: 15,
        prompt_tokens_details: null,
        completion_tokens_details: null,
      },
    });
    expect(t).toMatchObject({
      format: "openai-chat",
      response_model: "gpt-4o-2024-08-06",
      n_in: 10,
      n_out: 5,
      n_think: 0,
      eta: 0,
    });
  });
  it("OpenAI Responses: input_tokens includes cached; output_tokens includes reasoning", () => {
    const t = readUsage({
      input_tokens: 400,
      input_tokens_details: { cached_tokens: 100 },
      output_tokens: 90,
      output_tokens_details: { reasoning_tokens: 60 },
      total_tokens: 490,
    });
    expect(t).toMatchObject({ format: "openai-responses", n_in: 400, n_out: 30, n_think: 60, eta: 0.25 });
  });
  it("Anthropic: n_in = input + cache_read + cache_creation; the 1h part of the creation from its breakdown", () => {
    const t = readUsage({
      type: "message",
      model: "claude-haiku-4-5",
      usage: {
        input_tokens: 100,
        cache_read_input_tokens: 500,
        cache_creation_input_tokens: 400,
        cache_creation: { ephemeral_5m_input_tokens: 100, ephemeral_1h_input_tokens: 300 },
        output_tokens: 50,
      },
    });
    expect(t).toMatchObject({
      format: "anthropic",
      n_in: 1000,
      n_out: 50,
      n_think: 0,
      cache_read: 500,
      cache_write_5m: 100,
      cache_write_1h: 300,
      eta: 0.5,
      omega: 0.4,
    });
  });
  it("Anthropic without a breakdown: every write is 5-minute; a breakdown that exceeds the total is refused", () => {
    expect(readUsage({ input_tokens: 10, cache_creation_input_tokens: 30, output_tokens: 1 })).toMatchObject({
      cache_write_5m: 30,
      cache_write_1h: 0,
      n_in: 40,
    });
    expect(() =>
      readUsage({
        input_tokens: 10,
        cache_creation_input_tokens: 30,
        cache_creation: { ephemeral_1h_input_tokens: 31 },
        output_tokens: 1,
      }),
    ).toThrow(expect.objectContaining({ code: "E_BAD_USAGE" }));
  });
  it("a bare {input_tokens, output_tokens} reads the same under both formats that use those names", () => {
    const a = readUsage({ input_tokens: 70, output_tokens: 7 });
    const b = readUsage({ input_tokens: 70, output_tokens: 7 }, "openai-responses");
    expect([a.n_in, a.n_out, a.n_think, a.eta, a.omega]).toEqual([b.n_in, b.n_out, b.n_think, b.eta, b.omega]);
  });
  it("Gemini: promptTokenCount (cached included) + tool-use prompt tokens is n_in; thoughts are n_think", () => {
    const t = readUsage({
      modelVersion: "gemini-2.5-flash",
      usageMetadata: {
        promptTokenCount: 900,
        toolUsePromptTokenCount: 100,
        cachedContentTokenCount: 250,
        candidatesTokenCount: 40,
        thoughtsTokenCount: 60,
      },
    });
    expect(t).toMatchObject({
      format: "gemini",
      response_model: "gemini-2.5-flash",
      n_in: 1000,
      n_out: 40,
      n_think: 60,
      eta: 0.25,
    });
    expect(t.notes.join(" ")).toMatch(/tool-use/);
  });
  it("n_in = 0 gives η = ω = 0, not NaN", () => {
    expect(readUsage({ prompt_tokens: 0, completion_tokens: 3 })).toMatchObject({ eta: 0, omega: 0 });
  });
  it("errors: not an object, unknown shape, wrong types, reasoning > completion → E_BAD_USAGE with the field", () => {
    for (const bad of [null, 5, "x", [], { tokens: 5 }])
      expect(() => readUsage(bad)).toThrow(expect.objectContaining({ code: "E_BAD_USAGE" }));
    expect(() => readUsage({ prompt_tokens: "10", completion_tokens: 1 })).toThrow(
      expect.objectContaining({ code: "E_BAD_USAGE", field: "prompt_tokens" }),
    );
    expect(() =>
      readUsage({ prompt_tokens: 10, completion_tokens: 1, completion_tokens_details: { reasoning_tokens: 2 } }),
    ).toThrow(expect.objectContaining({ code: "E_BAD_USAGE", field: "n_think" }));
  });
});
