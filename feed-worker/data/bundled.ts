import historyJson from "../../data/history.json";
import registryJson from "../../data/registry.json";
import { HistoryFileSchema, type HistoryFile } from "../../oracle-core/schemas";
import { RegistryFileSchema, type RegistryFile } from "../../oracle-core/schemas";

let cache: { registry: RegistryFile; history: HistoryFile } | null = null;

/** The registry and history shipped with the worker, validated once per isolate (a bad file fails loudly). */
export function bundledData(): { registry: RegistryFile; history: HistoryFile } {
  cache ??= { registry: RegistryFileSchema.parse(registryJson), history: HistoryFileSchema.parse(historyJson) };
  return cache;
}
