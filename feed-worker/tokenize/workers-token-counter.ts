import { TokenizerError } from "../../tokenizer/tokenizer-error";
import { tokenCounter, type TokenCounter } from "../../tokenizer/token-counter";

/**
 * The tokenizer engine on the Workers runtime (the same code the PWA, widgets and SDK run): the vocabulary files are
 * static assets, read on first use and kept for the isolate's life, which keeps the worker script small.
 */
export function workersTokenCounter(assets: Fetcher | undefined): TokenCounter {
  return tokenCounter(async (file) => {
    if (!assets) throw new TokenizerError("E_TOKENIZER_UNAVAILABLE", "tokenizer files unavailable: no ASSETS binding");
    const res = await assets.fetch(`https://assets.local/tokenizers/${file}`);
    if (!res.ok) throw new TokenizerError("E_TOKENIZER_UNAVAILABLE", `tokenizer file ${file}: HTTP ${res.status}`);
    return new Uint8Array(await res.arrayBuffer());
  });
}
