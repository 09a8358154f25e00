import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";

type Schema = { properties: Record<string, { enum?: string[] }>; required?: string[] };
const doc = openApiDocument() as { components: { schemas: Record<string, Schema> }; paths: Record<string, object> };

describe("OpenAPI: rows describe their lifecycle", () => {
  it("GreekRow and Spot list the lifecycle and its four dates, the dates optional", () => {
    for (const name of ["GreekRow", "Spot"]) {
      const s = doc.components.schemas[name]!;
      expect(s.properties.lifecycle!.enum, name).toEqual(["provisional", "active", "legacy", "deprecated", "retired"]);
      for (const d of ["listed_at", "deprecated_at", "retired_at", "unquoted_since"]) {
        expect(Object.keys(s.properties), name).toContain(d);
        expect(s.required, name).not.toContain(d);
      }
    }
  });

  it("/v1/spots and /v1/models/{ticker} answer with those rows", () => {
    const body = (path: string) => JSON.stringify(doc.paths[path]);
    expect(body("/v1/spots")).toContain('"#/components/schemas/Spot"');
    expect(body("/v1/models/{ticker}")).toContain('"#/components/schemas/GreekRow"');
  });
});
