import { describe, expect, it } from "vitest";
import { payloadFor } from "../test/sdk/snapshot-fixture";
import { ApiError } from "./api-error";
import { answer, apiState, requireFamily, rowOf } from "./api-state";

const s = apiState(payloadFor());

/** The ApiError a call throws. */
function thrown(f: () => unknown): ApiError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    return e as ApiError;
  }
  throw new Error("expected an ApiError");
}

describe("api-core state: tickers, families and the stamp every answer carries", () => {
  it("rowOf is case- and space-insensitive over the bundled registry's tickers", () => {
    expect(rowOf(s, " gpt-4.1 ").ticker).toBe("GPT-4.1");
    expect(rowOf(s, "sonnet-4").prices.output).toBe(15);
  });

  it("an unknown ticker is 404 E_UNKNOWN_TICKER with the closest tickers, in the message and as suggestions", () => {
    const e = thrown(() => rowOf(s, "GPT-4.2"));
    expect([e.status, e.code, e.field]).toEqual([404, "E_UNKNOWN_TICKER", "ticker"]);
    const suggestions = (e.extra as { suggestions: string[] }).suggestions;
    expect(suggestions).toContain("GPT-4.1");
    expect(e.message).toBe(`unknown ticker "GPT-4.2"; did you mean ${suggestions.join(", ")}?`);
    // Already decoded: a "%" is a ticker that does not exist, not a URIError (a 500).
    expect(thrown(() => rowOf(s, "%")).code).toBe("E_UNKNOWN_TICKER");
  });

  it("requireFamily: exact names pass; a misspelling is 404 E_UNKNOWN_FAMILY with lower-case suggestions", () => {
    const families = ["anthropic-sonnet", "anthropic-opus", "openai-flagship"];
    expect(requireFamily("anthropic-opus", families)).toBe("anthropic-opus");
    const e = thrown(() => requireFamily("anthropic-sonet", families));
    expect([e.status, e.code, e.field]).toEqual([404, "E_UNKNOWN_FAMILY", "family"]);
    // Closest first: one edit to "sonnet", five to "opus"; "openai-flagship" is too far.
    expect(e.extra).toEqual({ suggestions: ["anthropic-sonnet", "anthropic-opus"] });
    expect(e.message).toBe('unknown family "anthropic-sonet"; did you mean anthropic-sonnet, anthropic-opus?');
    expect(thrown(() => requireFamily("zzz", families)).message).toBe('unknown family "zzz"');
  });

  it("answer: data first, then the snapshot's issued_at and version (REST's key order)", () => {
    const body = answer(s, [1]);
    expect(Object.keys(body)).toEqual(["data", "oracle_timestamp", "snapshot_version"]);
    expect(body).toEqual({ data: [1], oracle_timestamp: "2026-11-24T06:15:00.000Z", snapshot_version: 7 });
  });
});
