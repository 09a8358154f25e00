// Loaded only by an <exo-cost-calculator prompt="…">: the tokenizer engine every surface runs, reading the model's
// vocabulary from the feed's /tokenizers/ (same origin as the snapshot), so the widget's n_in is the count the API,
// the PWA and the SDK give for the same text. Counting yields between steps so the host page stays responsive.
import {
  countingEncoding,
  SIZE_ESTIMATE_BYTES,
  sizeEstimate,
  tokenEstimate,
  type TokenEstimate,
} from "../oracle-core/tokens";
import { tokenizerLoader } from "../tokenizer/token-counter";
import { TokenizerError } from "../tokenizer/tokenizer-error";

/** UTF-16 units per counting step (well under a millisecond of typical text). */
const STEP = 4_096;
/** The longest run of steps between yields to the host page. */
const SLICE_MS = 8;

const loaders = new Map<string, ReturnType<typeof tokenizerLoader>>();

/**
 * Counts `text` for a model's registry tokenizer with the vocabulary served by `feed`; labelled like every surface.
 * A prompt past SIZE_ESTIMATE_BYTES first gets the instant size-based estimate (onSize), as in the PWA.
 */
export async function countPrompt(
  feed: string,
  tokenizer: string,
  text: string,
  onSize?: (estimate: ReturnType<typeof sizeEstimate>) => void,
): Promise<TokenEstimate> {
  if (onSize && text.length * 3 > SIZE_ESTIMATE_BYTES) {
    const bySize = sizeEstimate(text);
    if (bySize.bytes > SIZE_ESTIMATE_BYTES) onSize(bySize);
  }
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
  // Runs of small steps up to SLICE_MS, then back to the host page's event loop: no task of ours much longer than
  // that on typical text (a single unbroken piece is one step), and few yields for a long prompt (setTimeout is
  // clamped to 4 ms once nested, 1.3 s over 5 MB at one yield per 16K units).
  for (;;) {
    const t0 = performance.now();
    do cursor.advance(STEP);
    while (!cursor.done && performance.now() - t0 < SLICE_MS);
    if (cursor.done) break;
    await new Promise((r) => setTimeout(r, 0));
  }
  return tokenEstimate(tokenizer, cursor.tokens, id);
}
