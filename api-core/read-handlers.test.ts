import { describe, expect, it } from "vitest";
import { payloadFor } from "../test/sdk/snapshot-fixture";
import { apiState } from "./api-state";
import { modelBody, spotsBody } from "./read-handlers";

// The bundled registry's sheet with two rows given lifecycle dates, as the feed publishes them (issue 11).
const payload = payloadFor();
payload.models = payload.models.map((m) =>
  m.ticker === "GPT-4O"
    ? { ...m, lifecycle: "deprecated", deprecated_at: "2026-06-06", retired_at: "2027-01-15" }
    : m.ticker === "GPT-4.1"
      ? { ...m, unquoted_since: "2026-11-01" }
      : m,
);
const s = apiState(payload);

describe("read handlers pass the lifecycle through", () => {
  it("/v1/spots: the lifecycle and only the dates a row carries", () => {
    const [gpt4o, gpt41, sonnet] = spotsBody(s, { tickers: ["GPT-4O", "GPT-4.1", "SONNET-4.5"] }).data;
    expect(gpt4o).toMatchObject({ lifecycle: "deprecated", deprecated_at: "2026-06-06", retired_at: "2027-01-15" });
    expect("listed_at" in gpt4o!).toBe(false);
    expect(gpt41).toMatchObject({ lifecycle: "active", unquoted_since: "2026-11-01" });
    expect(Object.keys(sonnet!)).toEqual([
      "ticker",
      "display_name",
      "provider",
      "lifecycle",
      "beta_sync",
      "beta_batch",
      "input",
      "context_window",
      "status",
    ]);
  });

  it("/v1/models/:ticker: the whole row, dates included", () => {
    expect(modelBody(s, "gpt-4o").data).toMatchObject({ lifecycle: "deprecated", retired_at: "2027-01-15" });
  });
});
