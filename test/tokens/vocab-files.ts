// The built tokenizer files for Node-side tests: built (incrementally) from node_modules on first use, then read.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { TokenizerId } from "../../oracle-core/tokens";
import { TOKENIZERS } from "../../oracle-core/tokens";
import { buildTokenizers, TOKENIZER_OUT } from "../../scripts/build-tokenizers";
import { tokenizerFromFile, type ReadTokenizerFile } from "../../tokenizer/token-counter";
import type { TextTokenizer } from "../../tokenizer/hf-tokenizer";

let built = false;
/** Reads a built tokenizer file (building the missing or stale ones first). */
export const readBuilt: ReadTokenizerFile = async (file) => {
  if (!built) {
    buildTokenizers();
    built = true;
  }
  return new Uint8Array(readFileSync(resolve(TOKENIZER_OUT, file)));
};

/** The engine's tokenizer for an id, from the built file. */
export async function engineTokenizer(id: TokenizerId): Promise<TextTokenizer> {
  return tokenizerFromFile(id, await readBuilt(TOKENIZERS[id].file));
}
