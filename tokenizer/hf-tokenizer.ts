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
  if (!json || typeof json !== "object" || !("model" in json))
    throw new TokenizerError("E_TOKENIZER_DATA", `${name}: not a tokenizer.json`);
  const t = new Tokenizer(json as Record<string, unknown>, {});
  fillBpeTables(name, t, json as CompactTables);
  const encode = (text: string) => t.encode(text, { add_special_tokens: false }).ids;
  return {
    name,
    encode,
    count: (text) => encode(text).length,
    // No step API in @huggingface/tokenizers: the first advance counts everything.
    cursor: (text) => stepCursor(text.length, () => [encode(text).length, text.length]),
  };
}

/** What scripts/build-tokenizers.ts moves out of model.vocab and model.merges (which it leaves empty). */
interface CompactTables {
  added_tokens?: { id: number; content: string }[];
  exostream_vocab?: string[];
  exostream_merge_keys?: string[];
}

/** The fields of @huggingface/tokenizers 0.2's BPE model that its constructor fills from model.vocab and merges. */
interface BpeModelTables {
  tokens_to_ids: Map<string, number>;
  vocab: string[];
  bpe_ranks: Map<string, number>;
  unk_token?: string | null;
  unk_token_id?: number;
}

/**
 * Fills the BPE model's tables from the compact arrays the build wrote. The library builds them with
 * `new Map(Object.entries(vocab))` and a JSON.stringify per merge: over a second for DeepSeek V3's 128K tokens,
 * several for Gemma 3's 262K tokens and 515K merges, and parsing a 262K-key object is slower than a 262K array.
 * The same tables result (the corpus test checks every id against the native reference).
 */
function fillBpeTables(name: string, t: Tokenizer, json: CompactTables): void {
  if (!json.exostream_vocab || !json.exostream_merge_keys) return;
  const model = (t as unknown as { model: Partial<BpeModelTables> }).model;
  if (!(model.tokens_to_ids instanceof Map) || !(model.bpe_ranks instanceof Map)) {
    throw new TokenizerError("E_TOKENIZER_DATA", `${name}: this @huggingface/tokenizers has no BPE tables to fill`);
  }
  const vocab = json.exostream_vocab.slice();
  const ids = new Map<string, number>();
  for (let i = 0; i < vocab.length; i++) ids.set(vocab[i]!, i);
  // The constructor registered the added tokens in the (empty) tables it built: register them again.
  for (const a of json.added_tokens ?? []) {
    ids.set(a.content, a.id);
    vocab[a.id] = a.content;
  }
  const keys = json.exostream_merge_keys;
  const ranks = new Map<string, number>();
  for (let i = 0; i < keys.length; i++) ranks.set(keys[i]!, i);
  model.tokens_to_ids = ids;
  model.vocab = vocab;
  model.bpe_ranks = ranks;
  model.unk_token_id = model.unk_token ? ids.get(model.unk_token) : undefined;
}
