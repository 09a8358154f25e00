import { init, Tiktoken } from "tiktoken/lite/init";
// Workers forbid compiling WASM from bytes at run time, so the binary is bundled as a module (wrangler rule CompiledWasm).
import wasm from "../../node_modules/tiktoken/lite/tiktoken_bg.wasm";
import type { TokenCounter } from "./token-counter";

interface Ranks {
  bpe_ranks: string;
  special_tokens: Record<string, number>;
  pat_str: string;
}

let ready: Promise<unknown> | null = null;
const encoders = new Map<string, Promise<Tiktoken>>();

/**
 * tiktoken (WASM) on the Workers runtime. The rank tables (1–2 MB each) are static assets loaded
 * on first use and kept for the isolate's life, which keeps the worker script small.
 */
export function workersTokenCounter(assets: Fetcher | undefined): TokenCounter {
  return async (encoding, text) => {
    ready ??= init((imports) => WebAssembly.instantiate(wasm, imports));
    await ready;
    let enc = encoders.get(encoding);
    if (!enc) {
      enc = (async () => {
        if (!assets) throw new Error("tokenizer ranks unavailable: no ASSETS binding");
        const res = await assets.fetch(`https://assets.local/tokenizers/${encoding}.json`);
        if (!res.ok) throw new Error(`tokenizer ranks for ${encoding}: HTTP ${res.status}`);
        const r = (await res.json()) as Ranks;
        return new Tiktoken(r.bpe_ranks, r.special_tokens, r.pat_str);
      })();
      enc.catch(() => encoders.delete(encoding));
      encoders.set(encoding, enc);
    }
    // Special-token text in a prompt is counted as ordinary text, as the provider bills it.
    return (await enc).encode_ordinary(text).length;
  };
}
