import { Tokenizer } from "@huggingface/tokenizers";
import { stepCursor, type CountCursor } from "./bpe-encoder";
import { TokenizerError } from "./tokenizer-error";

/** The engine-facing face of a loaded tokenizer (byte-pair or Hugging Face). */
export interface TextTokenizer {
  readonly name: string;
  encode(text: string): number[];
  count(text: string): number;
  cursor(text: string): CountCursor;
}

/**
 * A Hugging Face tokenizer.json (DeepSeek V3, Gemma 3) run by @huggingface/tokenizers, counted without the special
 * tokens a chat template adds (the prompt text alone, like the OpenAI counts). Its Split regexes were rewritten to
 * explicit Unicode-16 classes at build time (scripts/build-tokenizers.ts), so counts equal the native reference's.
 */
export function hfTokenizer(name: string, json: unknown): TextTokenizer {
  if (!json || typeof json !== "object" || !("model" in json)) throw new TokenizerError("E_TOKENIZER_DATA", `${name}: not a tokenizer.json`);
  const t = new Tokenizer(json as Record<string, unknown>, {});
  const encode = (text: string) => t.encode(text, { add_special_tokens: false }).ids;
  return {
    name,
    encode,
    count: (text) => encode(text).length,
    // No step API in @huggingface/tokenizers: the first advance counts everything.
    cursor: (text) => stepCursor(text.length, () => [encode(text).length, text.length]),
  };
}
