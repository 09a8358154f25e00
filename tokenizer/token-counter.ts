import { TOKENIZERS, type TokenizerId } from "../oracle-core/tokens";
import { BpeEncoder } from "./bpe-encoder";
import { hfTokenizer, type TextTokenizer } from "./hf-tokenizer";
import { TokenizerError } from "./tokenizer-error";
import { decodeUtf8 } from "./utf8";
import { readBpeFile } from "./vocab-file";

/**
 * Counts a text's tokens with a named tokenizer. Every surface (PWA worker, widgets, SDK, feed) is handed one of
 * these, built by tokenCounter over its own way of reading the files, so the same text gives the same count.
 */
export type TokenCounter = (tokenizer: TokenizerId, text: string) => Promise<number>;

/** Reads a built tokenizer file's bytes: fetch in a browser or worker, the ASSETS binding in workerd, fs in Node. */
export type ReadTokenizerFile = (
  file: string,
  onProgress?: (loaded: number, total: number) => void,
) => Promise<Uint8Array>;

/** Builds a tokenizer from its file's bytes (the engine for its kind). */
export function tokenizerFromFile(id: TokenizerId, bytes: Uint8Array): TextTokenizer {
  const info = TOKENIZERS[id];
  if (info.engine === "bpe") return new BpeEncoder(readBpeFile(bytes));
  let json: unknown;
  try {
    json = JSON.parse(decodeUtf8(bytes));
  } catch {
    throw new TokenizerError("E_TOKENIZER_DATA", `${info.file} is not JSON`);
  }
  return hfTokenizer(id, json);
}

/**
 * Loads each tokenizer once (a failed load is retried on the next call) over a realm's file reader.
 * @example const load = tokenizerLoader(read); (await load("llama3")).count("hello")
 */
export function tokenizerLoader(
  read: ReadTokenizerFile,
): (id: TokenizerId, onProgress?: (loaded: number, total: number) => void) => Promise<TextTokenizer> {
  const loaded = new Map<TokenizerId, Promise<TextTokenizer>>();
  return (id, onProgress) => {
    if (!Object.hasOwn(TOKENIZERS, id))
      return Promise.reject(new TokenizerError("E_UNKNOWN_TOKENIZER", `no tokenizer named ${JSON.stringify(id)}`));
    let p = loaded.get(id);
    if (!p) {
      p = read(TOKENIZERS[id].file, onProgress).then((bytes) => tokenizerFromFile(id, bytes));
      p.catch(() => loaded.delete(id));
      loaded.set(id, p);
    }
    return p;
  };
}

/** A TokenCounter over a realm's file reader. */
export function tokenCounter(read: ReadTokenizerFile): TokenCounter {
  const load = tokenizerLoader(read);
  return async (id, text) => (await load(id)).count(text);
}
