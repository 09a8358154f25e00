// Loaded only by an <exo-cost-calculator prompt="…">: the tokenizer engine every surface runs, reading the model's
// vocabulary from the feed's /tokenizers/ (same origin as the snapshot), so the widget's n_in is the count the API,
// the PWA and the SDK give for the same text. Counting yields between steps so the host page stays responsive.
import { countingEncoding, tokenEstimate, type TokenEstimate } from "../oracle-core/tokens";
import { tokenizerLoader } from "../tokenizer/token-counter";
import { TokenizerError } from "../tokenizer/tokenizer-error";

const loaders = new Map<string, ReturnType<typeof tokenizerLoader>>();

/** Counts `text` for a model's registry tokenizer with the vocabulary served by `feed`; labelled like every surface. */
export async function countPrompt(feed: string, tokenizer: string, text: string): Promise<TokenEstimate> {
  let load = loaders.get(feed);
  if (!load) {
    load = tokenizerLoader(async (file) => {
      const res = await fetch(`${feed}/tokenizers/${file}`);
      if (!res.ok) throw new TokenizerError("E_TOKENIZER_UNAVAILABLE", `tokenizer file ${file}: HTTP ${res.status}`);
      return new Uint8Array(await res.arrayBuffer());
    });
    loaders.set(feed, load);
  }
  const id = countingEncoding(tokenizer);
  const cursor = (await load(id)).cursor(text);
  while (!cursor.done) {
    cursor.advance(16_384);
    await new Promise((r) => setTimeout(r, 0));
  }
  return tokenEstimate(tokenizer, cursor.tokens, id);
}
