/**
 * Format-aware edits of the recorded archives, for guard and breaker scenarios: scale one model's price
 * (unit errors), set it (a real price move), or remove models (shrink). Each knows its archive's layout.
 */
type Edit = (price: number) => number;

const ARCHIVE_OF: Record<string, string> = {
  "data/archives/litellm/model_prices_and_context_window.json": "litellm",
  "data/archives/genai-prices/data.json": "genai-prices",
  "data/archives/llm-prices/current-v1.json": "llm-prices",
  "data/archives/llm-prices/historical-v1.json": "llm-prices-historical",
  "data/archives/models-dev/api.json": "models-dev",
  "data/archives/openrouter/models.json": "openrouter",
};

export const ARCHIVE_PATHS = Object.keys(ARCHIVE_OF);
export const sourceOfPath = (path: string) => ARCHIVE_OF[path];

/** Applies `edit` to one model's output (or input) price in whichever archive `path` is. */
export function editPrice(
  path: string,
  text: string,
  vendor: string,
  id: string,
  field: "output" | "input",
  edit: Edit,
): string {
  const d = JSON.parse(text) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
  switch (ARCHIVE_OF[path]) {
    case "litellm": {
      const k = `${field}_cost_per_token`;
      d[id][k] = edit(d[id][k] * 1e6) / 1e6;
      break;
    }
    case "genai-prices": {
      const m = d.find((p: any) => p.id === vendor).models.find((x: any) => x.id === id);
      const k = `${field}_mtok`;
      const prices = Array.isArray(m.prices) ? m.prices.map((c: any) => c.prices) : [m.prices];
      for (const p of prices) p[k] = edit(p[k]);
      break;
    }
    case "llm-prices":
    case "llm-prices-historical":
      for (const p of d.prices) if (p.id === id) p[field] = edit(p[field]);
      break;
    case "models-dev": {
      const c = d[vendor].models[id].cost;
      c[field] = edit(c[field]);
      break;
    }
    case "openrouter": {
      const m = d.data.find((x: any) => x.id === `${vendor}/${id}`);
      const k = field === "output" ? "completion" : "prompt";
      m.pricing[k] = String(edit(Number(m.pricing[k]) * 1e6) / 1e6);
      break;
    }
    default:
      throw new Error(`not an archive: ${path}`);
  }
  return JSON.stringify(d);
}

/** Keeps only the first `keep` fraction of the models an archive lists (a half-size or truncated upstream file). */
export function shrinkArchive(path: string, text: string, keep: number): string {
  const d = JSON.parse(text) as any;
  const cut = <T>(xs: T[]) => xs.slice(0, Math.floor(xs.length * keep));
  switch (ARCHIVE_OF[path]) {
    case "litellm":
      return JSON.stringify(Object.fromEntries(cut(Object.entries(d))));
    case "genai-prices":
      return JSON.stringify(d.map((p: any) => ({ ...p, models: cut(p.models) })));
    case "llm-prices":
    case "llm-prices-historical":
      return JSON.stringify({ ...d, prices: cut(d.prices) });
    case "models-dev":
      return JSON.stringify(
        Object.fromEntries(
          Object.entries(d).map(([k, p]: [string, any]) => [
            k,
            { ...p, models: Object.fromEntries(cut(Object.entries(p.models))) },
          ]),
        ),
      );
    case "openrouter":
      return JSON.stringify({ ...d, data: cut(d.data) });
    default:
      throw new Error(`not an archive: ${path}`);
  }
}
