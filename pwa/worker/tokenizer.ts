import { concatBytes } from "../../oracle-core/snapshot";
import { countingEncoding, tokenEstimate } from "../../oracle-core/tokens";
import { TOKENIZERS } from "../../oracle-core/tokens";
import { tokenizerLoader } from "../../tokenizer/token-counter";
import { WorkerError } from "./attempt";
import { checkCancelled, yieldToEvents } from "./jobs";
import type { OnProgress, TokenCount } from "./worker-api";

/**
 * Reads a tokenizer file from the feed's /tokenizers/ with download progress. Only the provider in use is fetched;
 * the service worker keeps each file (CacheFirst), so a count works offline after one online visit.
 */
async function fetchFile(file: string, onProgress?: (loaded: number, total: number) => void): Promise<Uint8Array> {
  const res = await fetch(`/tokenizers/${file}`).catch(() => {
    throw new WorkerError(
      "E_OFFLINE",
      "this model's tokenizer has not been downloaded yet and the network is unreachable; type n_in instead",
    );
  });
  if (!res.ok) throw new WorkerError("E_HTTP", `tokenizer file ${file}: HTTP ${res.status}`);
  const total = Number(res.headers.get("content-length")) || 0;
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  const parts: Uint8Array[] = [];
  let loaded = 0;
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    parts.push(r.value);
    loaded += r.value.length;
    onProgress?.(loaded, total);
  }
  return concatBytes(...parts);
}

const load = tokenizerLoader(fetchFile);

/** Report progress at most this often, and yield to the event loop (for cancel) as often. */
const SLICE_MS = 50;
/** UTF-16 units counted between clock checks (a few ms of typical text). */
const STEP = 16_384;

/**
 * Counts a prompt's tokens for a model's tokenizer with the engine every surface runs: exact for OpenAI's encodings,
 * exact for the published Llama 3, Tekken, DeepSeek V3 and Gemma 3 vocabularies, else the o200k_base count as a
 * labelled estimate with its calibrated band. Counting advances piece by piece (exact at every stop), yielding for
 * progress and Cancel; one unbroken run is a single step, at most O(n log n).
 */
export async function countTokens(
  text: string,
  tokenizer: string,
  signal: { readonly aborted: boolean },
  onProgress: OnProgress,
): Promise<TokenCount> {
  const id = countingEncoding(tokenizer);
  const info = TOKENIZERS[id];
  const t0 = performance.now();
  onProgress({ done: 0, total: 0, phase: `loading the tokenizer (${info.title})` });
  const tok = await load(id, (loaded, total) =>
    onProgress({
      done: loaded,
      total,
      phase: `downloading the tokenizer (${info.title}, ${(loaded / 1e6).toFixed(1)} MB)`,
    }),
  );
  checkCancelled(signal);
  const cursor = tok.cursor(text);
  let steps = 0;
  let last = performance.now();
  while (!cursor.done) {
    // The Hugging Face engine (DeepSeek, Gemma) counts in one call: its size is unknown until it returns.
    if (info.engine === "hf")
      onProgress({
        done: 0,
        total: 0,
        phase: `counting ${text.length.toLocaleString("en-US")} characters (${info.title})`,
      });
    cursor.advance(STEP);
    steps++;
    if (performance.now() - last > SLICE_MS) {
      onProgress({ done: cursor.position, total: text.length, phase: "counting tokens" });
      await yieldToEvents();
      checkCancelled(signal);
      last = performance.now();
    }
  }
  return {
    ...tokenEstimate(tokenizer, cursor.tokens, id),
    ms: performance.now() - t0,
    chunks: steps,
    chars: text.length,
  };
}
