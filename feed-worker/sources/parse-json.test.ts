import { describe, expect, it } from "vitest";
import { parseJsonPayload } from "./parse-json";

const codeOf = (text: string): string | undefined => {
  try {
    parseJsonPayload(text, "test");
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code;
  }
};

describe("parseJsonPayload", () => {
  it("parses JSON, ignoring a byte-order mark and surrounding whitespace", () => {
    expect(parseJsonPayload('\uFEFF  {"a":[1,2]}\n', "test")).toEqual({ a: [1, 2] });
  });

  it("tells apart empty, HTML, truncated and malformed payloads", () => {
    expect(codeOf("")).toBe("E_SOURCE_EMPTY");
    expect(codeOf("  \n ")).toBe("E_SOURCE_EMPTY");
    expect(codeOf("<!DOCTYPE html><html><body>502 Bad Gateway</body></html>")).toBe("E_SOURCE_CONTENT_TYPE");
    expect(codeOf('{"gpt-4.1": {"input_cost_per_token": 2e-06, "output')).toBe("E_SOURCE_TRUNCATED");
    expect(codeOf('[{"id": "a"}, {"id": "b"')).toBe("E_SOURCE_TRUNCATED");
    expect(codeOf('{"a": 1,, "b": 2}')).toBe("E_SOURCE_SCHEMA");
    expect(codeOf("null")).toBeUndefined();
  });

  it("does not count brackets inside strings when judging truncation", () => {
    expect(codeOf('{"note": "[[[{{{", "x": 1} trailing')).toBe("E_SOURCE_SCHEMA");
  });
});
