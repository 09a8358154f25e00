import { z } from "zod";
import type { SourceAdapter } from "./types";

/**
 * The environment variable that moves one source: `SOURCE_URL_` + its id in upper snake case
 * (`SOURCE_URL_LITELLM`, `SOURCE_URL_GENAI_PRICES`, `SOURCE_URL_LLM_PRICES_HISTORICAL`, `SOURCE_URL_PAGE_OPENAI`).
 * @example sourceUrlVar("models-dev") // "SOURCE_URL_MODELS_DEV"
 */
export const sourceUrlVar = (id: string): string => `SOURCE_URL_${id.toUpperCase().replace(/[^A-Z0-9]+/g, "_")}`;

const HttpUrl = z.url({ protocol: /^https?$/ });

/**
 * Where a source is read this run: its `SOURCE_URL_*` variable when set (a mirror, a self-hosted copy, a test's
 * local file server), else today's address (`liveUrl` in live mode; the worker's own copy of the archive in bundled
 * mode). An unusable value is an error with its code, never a silent fallback to the default.
 * @example sourceUrl(litellmAdapter, { SOURCE_URL_LITELLM: "http://127.0.0.1:8788/litellm.json" }, "live", "")
 */
export function sourceUrl(
  adapter: Pick<SourceAdapter, "id" | "liveUrl" | "bundledPath">,
  /** The worker's bindings (or any object holding `SOURCE_URL_*` keys). */
  vars: object,
  mode: "bundled" | "live",
  bundledBaseUrl: string,
): string {
  const name = sourceUrlVar(adapter.id);
  const set = (vars as Record<string, unknown>)[name];
  if (set !== undefined && set !== "") {
    const ok = HttpUrl.safeParse(set);
    if (!ok.success) throw new SourceUrlError(`${name} is not an http(s) URL: ${JSON.stringify(set)}`);
    return ok.data;
  }
  return mode === "bundled" ? `${bundledBaseUrl.replace(/\/+$/, "")}/${adapter.bundledPath}` : adapter.liveUrl;
}

/** A `SOURCE_URL_*` variable that is set but unusable (E_CONFIG). */
export class SourceUrlError extends Error {
  readonly code = "E_CONFIG";
}
