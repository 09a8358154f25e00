import { normalizeTicker } from "../registry/find-ticker";
import type { RegistryEntry } from "../schemas/registry";

/** What the integrations need from a registry entry: its ticker, provider and the model ids sources use for it. */
export type AliasEntry = Pick<RegistryEntry, "ticker" | "provider" | "match">;

/** genai-prices provider ids of our providers (its data names xAI "x-ai"). */
export const GENAI_PROVIDER: Readonly<Record<string, string>> = {
  openai: "openai",
  anthropic: "anthropic",
  google: "google",
  xai: "x-ai",
  mistral: "mistral",
  deepseek: "deepseek",
  meta: "meta",
};

/** `provider:id` or `provider/id` → `id`, lower case. */
export const bareModelId = (id: string): string =>
  id
    .trim()
    .toLowerCase()
    .replace(/^[^:/]+[:/]/, "");

/** genai-prices ids filed under the entry's own provider (Meta composites list hosts' ids, which are not Meta's). */
export function genaiIds(e: AliasEntry): string[] {
  const own = GENAI_PROVIDER[e.provider];
  return (e.match["genai-prices"] ?? [])
    .filter((id) => id.startsWith(`${own}:`))
    .map((id) => id.slice(own!.length + 1));
}

/** Every id a provider API or price file uses for this ticker, lower case, first one the canonical id. */
export function providerModelIds(e: AliasEntry): string[] {
  const ids = [...genaiIds(e), ...(e.match.litellm ?? []).map(bareModelId)];
  if (ids.length === 0) ids.push(e.ticker.toLowerCase());
  return [...new Set(ids.map((i) => i.toLowerCase()))];
}

/**
 * Provider model id → ticker for every entry (e.g. "claude-sonnet-4-5-20250929" → "SONNET-4.5"). An id two tickers
 * claim is left out: guessing would meter one model at another's price.
 */
export function modelAliases(entries: readonly AliasEntry[]): Record<string, string> {
  const out = new Map<string, string>();
  const clash = new Set<string>();
  for (const e of entries) {
    for (const id of providerModelIds(e)) {
      const prev = out.get(id);
      if (prev !== undefined && prev !== e.ticker) clash.add(id);
      else out.set(id, e.ticker);
    }
  }
  for (const id of clash) out.delete(id);
  return Object.fromEntries([...out].sort(([a], [b]) => a.localeCompare(b)));
}

const DATE_SUFFIX = /-(\d{8}|\d{4}-\d{2}-\d{2})$/;

/**
 * The ticker a model name refers to: a ticker (any case), a provider id from the alias table, the id without a
 * `provider/` prefix, or without a date suffix. null when nothing matches.
 * @example resolveModel("gpt-4.1-2025-04-14", new Set(["GPT-4.1"]), { "gpt-4.1": "GPT-4.1" }) // "GPT-4.1"
 */
export function resolveModel(
  name: string,
  tickers: ReadonlySet<string>,
  aliases: Readonly<Record<string, string>>,
): string | null {
  const t = normalizeTicker(name);
  if (tickers.has(t)) return t;
  const lower = name.trim().toLowerCase();
  const bare = bareModelId(lower);
  for (const id of [lower, bare, bare.replace(DATE_SUFFIX, "")]) {
    const hit = Object.hasOwn(aliases, id) ? aliases[id] : undefined;
    if (hit !== undefined && tickers.has(hit)) return hit;
  }
  return null;
}
