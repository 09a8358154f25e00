import type { HistoryFile } from "../oracle-core/schemas";
import type { RegistryFile } from "../oracle-core/schemas";

/**
 * A registry of `size` models for the scale bench: the curated registry, then copies of its rows under new tickers
 * (`GPT-4.1-X2`) until the size is reached. A copy keeps the original's match ids, so every source quote reaches it
 * and it is reconciled, guarded, computed and persisted like a real row; its history is copied with it, so history
 * grows with the universe. Copies carry no index weight (the index keeps its real constituents).
 * @example syntheticUniverse(registry, history, 400).registry.models.length // 400
 */
export function syntheticUniverse(
  registry: RegistryFile,
  history: HistoryFile,
  size: number,
): { registry: RegistryFile; history: HistoryFile } {
  const models = [...registry.models];
  const observations = [...history.observations];
  for (let copy = 2; models.length < size; copy++) {
    for (const m of registry.models) {
      if (models.length >= size) break;
      const ticker = `${m.ticker}-X${copy}`;
      models.push({ ...m, ticker, display_name: `${m.display_name} (copy ${copy})`, index_weight_proxy: 0 });
      for (const o of history.observations) if (o.ticker === m.ticker) observations.push({ ...o, ticker });
    }
  }
  return { registry: { ...registry, models }, history: { ...history, observations } };
}
