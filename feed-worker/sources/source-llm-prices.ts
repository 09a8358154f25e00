import { z } from "zod";
import { parseJsonPayload } from "./parse-json";
import { QuoteCollector, type QuoteSlot } from "./quote-collector";
import { SourceError } from "./source-error";
import { issueText, parseTopLevel, requireEntries } from "./top-level";
import type { ParseResult, SourceAdapter, SourceId } from "./types";

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");
const Entry = z.object({
  id: z.string().min(1),
  vendor: z.string().min(1).optional(),
  name: z.string().optional(),
  input: z.unknown(),
  output: z.unknown(),
  input_cached: z.unknown().optional(),
  from_date: IsoDate.nullable().optional(),
  to_date: IsoDate.nullable().optional(),
});
const Top = z.object({ prices: z.array(z.unknown()) });

/** llm-prices splits a context tier into its own row: id `gpt-5.4-272k`, name "GPT-5.4 >272k". */
const TIER_ID = /^(.+)-(\d+)k$/;
const TIER_NAME = /(>|above|over)\s*(\d+)\s*k/i;

/** llm-prices.com current-v1.json: the prices in force now, USD per 1M tokens. */
export const llmPricesAdapter: SourceAdapter = {
  id: "llm-prices",
  parserVersion: "llm-prices@1",
  liveUrl: "https://www.llm-prices.com/current-v1.json",
  bundledPath: "data/archives/llm-prices/current-v1.json",
  contentTypes: ["application/json", "text/plain"],
  maxBytes: 4 * 1024 * 1024,
  parse: (text) => parseLlmPrices(text, "llm-prices"),
};

/** llm-prices.com historical-v1.json: every price period with from_date / to_date. */
export const llmPricesHistoricalAdapter: SourceAdapter = {
  id: "llm-prices-historical",
  parserVersion: "llm-prices-historical@1",
  liveUrl: "https://www.llm-prices.com/historical-v1.json",
  bundledPath: "data/archives/llm-prices/historical-v1.json",
  contentTypes: ["application/json", "text/plain"],
  maxBytes: 4 * 1024 * 1024,
  parse: (text) => parseLlmPrices(text, "llm-prices-historical"),
};

/** Parses either llm-prices file; tier rows (`-272k`) fold into their base model with tier_above. */
export function parseLlmPrices(
  text: string,
  source: Extract<SourceId, "llm-prices" | "llm-prices-historical">,
): ParseResult {
  const top = parseTopLevel(Top, parseJsonPayload(text, source), source, "an object with a prices[] array");
  requireEntries(top.prices.length, source);
  const out = new QuoteCollector(source);
  let valid = 0;
  top.prices.forEach((raw, i) => {
    const e = Entry.safeParse(raw);
    if (!e.success) {
      const id = typeof (raw as { id?: unknown })?.id === "string" ? (raw as { id: string }).id : `entry#${i}`;
      return out.reject(id, "E_QUOTE_SCHEMA", `price entry ${issueText(e.error)}`);
    }
    valid++;
    const { id, vendor, name, from_date, to_date } = e.data;
    const tierId = TIER_ID.exec(id);
    const tierName = name ? TIER_NAME.exec(name) : null;
    const isTier = tierId !== null && tierName !== null && tierId[2] === tierName[2];
    const slot: Omit<QuoteSlot, "field"> = { model_id: isTier ? (tierId[1] ?? id) : id };
    if (vendor) slot.provider = vendor;
    if (isTier) slot.tier_above = Number(tierId[2]) * 1000;
    if (from_date) slot.effective_from = from_date;
    if (to_date) slot.effective_to = to_date;
    out.seen(id);
    out.price({ ...slot, field: "input" }, e.data.input, 1);
    out.price({ ...slot, field: "output" }, e.data.output, 1);
    out.price({ ...slot, field: "cache_read" }, e.data.input_cached, 1);
  });
  if (valid === 0) throw new SourceError("E_SOURCE_SCHEMA", `${source}: no entry has the shape { id, input, output }`);
  return out.result();
}
