// Step 2 of the listing (issue 11): the naming rule, behind the listing's scope, measured against the curated tickers.
import { describe, expect, it } from "vitest";
import curation from "../../data/curation.json";
import registry from "../../data/registry.json";
import { CurationFileSchema } from "../schemas/curation";
import { RegistryFileSchema } from "../schemas/registry";
import { listingScope } from "./listing-rule-scope";
import { tickerFromId } from "./ticker-name";

const aliases = new Map(
  CurationFileSchema.parse(curation).entries.flatMap((e) =>
    e.action === "ticker-alias" ? [[e.id, e.ticker] as const] : [],
  ),
);
const models = RegistryFileSchema.parse(registry).models.filter((m) => !m.composite);

/** A registry match id as the source's quote carries it (`provider:id` split for the sources grouped by provider). */
function asQuote(source: string, id: string, provider: string) {
  const colon = id.indexOf(":");
  if ((source === "genai-prices" || source === "models-dev") && colon > 0)
    return { source, provider: id.slice(0, colon), model_id: id.slice(colon + 1) };
  if (source === "openrouter") return { source, model_id: id };
  return { source: source === "provider-page" ? `page-${provider}` : source, provider, model_id: id };
}

describe("the listing's naming rule against data/registry.json", () => {
  it("keeps every curated id in scope and names ≥ 90% of the curated tickers from their ids (shares printed)", () => {
    let ids = 0;
    let named = 0;
    let primaryNamed = 0;
    const outOfScope: string[] = [];
    const missed: string[] = [];
    for (const m of models) {
      let primaryOk = true;
      for (const [source, list] of Object.entries(m.match)) {
        list.forEach((id, i) => {
          const scoped = listingScope(asQuote(source, id, m.provider));
          if (!scoped) return void outOfScope.push(`${m.ticker} ${source} ${id}`);
          ids++;
          const t = tickerFromId(scoped.id, scoped.provider, aliases);
          if (t === m.ticker) named++;
          else {
            missed.push(`${id} → ${t} (${m.ticker})`);
            if (i === 0) primaryOk = false;
          }
        });
      }
      if (primaryOk) primaryNamed++;
    }
    console.log(
      `listing naming rule: ${primaryNamed}/${models.length} curated tickers from every source's primary id ` +
        `(${((100 * primaryNamed) / models.length).toFixed(1)}%); ${named}/${ids} match ids ` +
        `(${((100 * named) / ids).toFixed(1)}%); missed: ${missed.join("; ")}`,
    );
    expect(outOfScope).toEqual([]);
    expect(primaryNamed / models.length).toBeGreaterThanOrEqual(0.9);
    expect(named / ids).toBeGreaterThanOrEqual(0.9);
  });
});
