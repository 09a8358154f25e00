// The answers of the computed requests POST /v1/price and /v1/compare (and the price_task, compare_models tools).
// Stateless: nothing about the task is kept.
import { compareRows } from "../oracle-core/greeks";
import { priceTask } from "../oracle-core/greeks";
import type { CompareRequest, PriceRequest } from "../oracle-core/schemas";
import type { GreekRow } from "../oracle-core/schemas";
import { countingEncoding, tokenEstimate, type TokenEstimate } from "../oracle-core/tokens";
import type { TokenizerId } from "../oracle-core/tokens";
import { allFinite } from "../oracle-core/quant";
import { ApiError } from "./api-error";
import { answer, rowOf, type ApiState } from "./api-state";

/**
 * Counts a text's tokens with a named OpenAI encoding. Injected: each runtime brings tiktoken its own way (WASM on
 * workerd, the Node build in the SDK); the shape matches feed-worker's and the SDK's TokenCounter.
 */
/**
 * Counts a text with a named tokenizer (the shape of tokenizer/token-counter.ts's TokenCounter, which each host
 * injects).
 */
export type CountTokens = (tokenizer: TokenizerId, text: string) => Promise<number>;

/** A prompt's input tokens for a row: exact with the model's own encoding, else a labelled estimate with its band. */
export async function promptTokens(
  row: Pick<GreekRow, "tokenizer">,
  prompt: string,
  count: CountTokens,
): Promise<TokenEstimate> {
  const enc = countingEncoding(row.tokenizer);
  return tokenEstimate(row.tokenizer, await count(enc, prompt), enc);
}

/**
 * 400 E_NOT_FINITE when a result overflowed float64 (e.g. n_in = n_out = 1e308): JSON would silently
 * turn ±∞ into null, answering `"cost": null` with a 200.
 */
export function finiteOrThrow<T>(result: T): T {
  if (!allFinite(result)) {
    throw new ApiError(
      400,
      "E_NOT_FINITE",
      "these inputs overflow float64 (a cost is not finite); use realistic token counts",
    );
  }
  return result;
}

/** One task on one model (MATH.md §2–4); `prompt` is tokenized with `count`, exactly for OpenAI encodings. */
export async function priceBody(s: ApiState, req: PriceRequest, count: CountTokens) {
  const row = rowOf(s, req.model);
  if (req.prompt !== undefined && req.n_in !== undefined) {
    throw new ApiError(400, "E_BAD_TYPE", "give either prompt or n_in, not both", "prompt");
  }
  const tokens = req.prompt !== undefined ? await promptTokens(row, req.prompt, count) : null;
  const n_in = tokens?.n_in ?? req.n_in;
  if (n_in === undefined) throw new ApiError(400, "E_MISSING_FIELD", "n_in (or prompt) is required", "n_in");
  const priced = finiteOrThrow(priceTask(row, { ...req, n_in }, s.payload.valuation_date));
  return answer(s, { ...priced, n_in, tokens, quote_status: row.status });
}

/**
 * The rows a comparison runs on: the named models (each through `lookup`), else every active model of one provider
 * or of all. Shared with the SDK's `oracle.compare`, whose lookup also knows provider model ids.
 */
export function compareCandidates(
  models: readonly GreekRow[],
  req: Pick<CompareRequest, "models" | "provider">,
  lookup: (model: string) => GreekRow,
): GreekRow[] {
  if (req.models) return req.models.map(lookup);
  const provider = req.provider?.toLowerCase();
  return models.filter((m) => m.lifecycle === "active" && (!provider || m.provider === provider));
}

/** The same task on several models, cheapest first, with forward cost at the horizon. */
export function compareBody(s: ApiState, req: CompareRequest) {
  if (req.prompt !== undefined) {
    throw new ApiError(400, "E_BAD_TYPE", "compare takes n_in, not prompt (tokenizers differ per model)", "prompt");
  }
  if (req.n_in === undefined) throw new ApiError(400, "E_MISSING_FIELD", "n_in is required", "n_in");
  const rows = compareCandidates(s.payload.models, req, (m) => rowOf(s, m));
  return answer(s, finiteOrThrow(compareRows(rows, { ...req, n_in: req.n_in }, s.payload.valuation_date)));
}
