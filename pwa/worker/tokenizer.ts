import { init, Tiktoken } from "tiktoken/lite/init";
import { countingEncoding, tokenEstimate } from "../../oracle-core/tokens/estimate";
import { WorkerError } from "./attempt";
import { checkCancelled, yieldToEvents } from "./jobs";
import { textChunks } from "./text-chunks";
import type { OnProgress, TokenCount } from "./worker-api";

type Encoding = "o200k_base" | "cl100k_base";

// The WASM (1 MB) and the rank tables (1–2.3 MB) load on first use; the service worker caches them (CacheFirst).
let wasm: Promise<unknown> | null = null;
const encoders = new Map<Encoding, Promise<Tiktoken>>();

async function fetchOk(path: string): Promise<Response> {
  const res = await fetch(path).catch(() => {
    throw new WorkerError("E_OFFLINE", "the tokenizer has not been downloaded yet and the network is unreachable; type n_in instead");
  });
  if (!res.ok) throw new WorkerError("E_HTTP", `tokenizer file ${path}: HTTP ${res.status}`);
  return res;
}

/** tiktoken (WASM) for an encoding, loaded once per worker. */
export function encoder(encoding: Encoding): Promise<Tiktoken> {
  wasm ??= init(async (imports) => WebAssembly.instantiate(await (await fetchOk("/tokenizers/tiktoken_bg.wasm")).arrayBuffer(), imports)).catch((e) => {
    wasm = null;
    throw e;
  });
  let enc = encoders.get(encoding);
  if (!enc) {
    enc = (async () => {
      await wasm;
      const r = (await (await fetchOk(`/tokenizers/${encoding}.json`)).json()) as { bpe_ranks: string; special_tokens: Record<string, number>; pat_str: string };
      return new Tiktoken(r.bpe_ranks, r.special_tokens, r.pat_str);
    })();
    enc.catch(() => encoders.delete(encoding));
    encoders.set(encoding, enc);
  }
  return enc;
}

/** Report progress at most this often, and yield to the event loop (for cancel) as often. */
const SLICE_MS = 50;

/**
 * Counts a prompt's tokens for a model's tokenizer: exact with tiktoken for o200k_base / cl100k_base models,
 * else the o200k_base count as a labelled estimate with its band (oracle-core tokenEstimate). The text is cut
 * only where the count is provably unchanged (textChunks), which gives progress and cancel points; a single
 * unbroken run (adversarial input) is one chunk and reports indeterminate progress while it is encoded.
 */
export async function countTokens(text: string, tokenizer: string, signal: { readonly aborted: boolean }, onProgress: OnProgress): Promise<TokenCount> {
  const encoding = countingEncoding(tokenizer);
  const t0 = performance.now();
  onProgress({ done: 0, total: text.length, phase: "loading the tokenizer" });
  const enc = await encoder(encoding);
  checkCancelled(signal);
  const chunks = textChunks(text);
  let n = 0;
  let done = 0;
  let last = performance.now();
  for (const c of chunks) {
    // A long chunk is one WASM call: say that its size is unknown until it returns.
    if (c.length > 32_768) onProgress({ done, total: 0, phase: `encoding an unbroken run of ${c.length.toLocaleString("en-US")} characters` });
    n += enc.encode_ordinary(c).length;
    done += c.length;
    if (performance.now() - last > SLICE_MS) {
      onProgress({ done, total: text.length, phase: "counting tokens" });
      await yieldToEvents();
      checkCancelled(signal);
      last = performance.now();
    }
  }
  return { ...tokenEstimate(tokenizer, n, encoding), counted_with: encoding, ms: performance.now() - t0, chunks: chunks.length, chars: text.length };
}
