import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { TokenizerError } from "../../tokenizer/tokenizer-error";
import { tokenCounter, type ReadTokenizerFile, type TokenCounter } from "../../tokenizer/token-counter";

export type { TokenCounter } from "../../tokenizer/token-counter";

// The package ships the built tokenizer files in dist/tokenizers/ (sdk/build.ts); from the repository's sources
// they are the build output in dist/public/tokenizers/.
const DIRS = [new URL("./tokenizers/", import.meta.url), new URL("../../dist/public/tokenizers/", import.meta.url)];

/** Reads tokenizer files from a folder (or the ones the package ships), with a clear error when they are missing. */
export function fileTokenizerReader(dir?: string): ReadTokenizerFile {
  const dirs = dir ? [new URL(`file://${dir.endsWith("/") ? dir : `${dir}/`}`)] : DIRS;
  return async (file) => {
    for (const d of dirs) {
      const bytes = await readFile(new URL(file, d)).catch(() => null);
      if (bytes) return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }
    throw new TokenizerError(
      "E_TOKENIZER_UNAVAILABLE",
      `tokenizer file ${file} not found in ${dirs.map((d) => fileURLToPath(d)).join(" or ")} (run npm run build)`,
    );
  };
}

/**
 * The SDK's counter: Exostream's tokenizer engine (the one the PWA, widgets and feed run) on the files the package
 * ships, so `estimate({ prompt })` needs no WASM or optional peer. Exact for OpenAI's encodings, exact for the
 * published Llama 3, Tekken, DeepSeek V3 and Gemma 3 vocabularies.
 * @example const count = engineTokenCounter(); await count("llama3", "hello") // 1
 */
export function engineTokenCounter(dir?: string): TokenCounter {
  return tokenCounter(fileTokenizerReader(dir));
}

/** The former name of engineTokenCounter (it ran tiktoken); kept so existing callers keep working. */
export const tiktokenCounter = (): TokenCounter => engineTokenCounter();
