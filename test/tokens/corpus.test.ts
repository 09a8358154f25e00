// Issue 14's corpus test: the engine's token ids, document by document, against the reference implementation of
// every tokenizer (tiktoken for OpenAI's encodings and Tekken; the `tokenizers` native addon for Llama 3, DeepSeek V3
// and Gemma 3) over ≥ 2 MB of seeded varied text plus the adversarial inputs. Any mismatch fails and names the
// document.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TOKENIZERS, type TokenizerId } from "../../oracle-core/tokens";
import { tableDiffText, tokenCorpus, type CorpusDoc } from "../../scripts/token-corpus";
import { classBody, decodeRanges } from "../../tokenizer/code-point-set";
import { UNICODE_CLASSES } from "../../tokenizer/unicode-classes";
import { reference, type Reference } from "./references";
import { engineTokenizer } from "./vocab-files";

const body = (k: keyof typeof UNICODE_CLASSES) => classBody(decodeRanges(UNICODE_CLASSES[k]));
const DIFF = "js-vs-unicode16-table-differences";
let corpus: CorpusDoc[] = [];
beforeAll(() => {
  const diff = tableDiffText({
    "\\p{L}": body("L"),
    "\\p{N}": body("N"),
    "\\p{M}": body("M"),
    "\\p{P}": body("P"),
    "\\p{S}": body("S"),
    "\\s": body("White_Space"),
  });
  corpus = tokenCorpus(diff);
});

// The Hugging Face engine (pure JS) is far slower than the native reference, so for Gemma 3 and DeepSeek V3 the
// test runs a fixed sample of every kind (all the Unicode, CJK, mixed and adversarial documents; every fourth other
// one).
const SAMPLED: Partial<Record<TokenizerId, boolean>> = { gemma3: true, "deepseek-v3": true };
const inSample = (d: CorpusDoc, i: number) =>
  ["mixed", "adversarial"].includes(d.kind) || d.name === DIFF || i % 6 === 0;

describe("token corpus", () => {
  it("is at least 2 MB of varied text and holds the adversarial inputs", () => {
    const bytes = corpus.reduce((n, d) => n + Buffer.byteLength(d.text), 0);
    expect(bytes).toBeGreaterThan(2_000_000);
    expect(new Set(corpus.map((d) => d.kind))).toEqual(
      new Set(["prose", "code", "json", "cjk", "emoji", "base64", "runs", "unicode", "mixed", "adversarial"]),
    );
    expect(corpus.find((d) => d.name === DIFF)?.text.length).toBeGreaterThan(1000);
  });

  for (const id of Object.keys(TOKENIZERS) as TokenizerId[]) {
    describe(id, () => {
      let ref: Reference;
      beforeAll(() => {
        ref = reference(id);
      });
      afterAll(() => ref.free());

      it(`gives the same ids as the reference on every document${SAMPLED[id] ? " of the sample" : ""}`, async () => {
        const engine = await engineTokenizer(id);
        const mismatches: string[] = [];
        let tokens = 0;
        let checked = 0;
        for (const [i, d] of corpus.entries()) {
          if (SAMPLED[id] && !inSample(d, i)) continue;
          const want = await ref.encode(d.text);
          const got = engine.encode(d.text);
          checked += Buffer.byteLength(d.text);
          tokens += want.length;
          if (got.length !== want.length || got.some((x, k) => x !== want[k])) {
            const at = got.findIndex((x, k) => x !== want[k]);
            mismatches.push(`${d.name}: ${got.length} vs ${want.length} ids, first difference at ${at}`);
          }
        }
        expect(mismatches, `${ref.name}`).toEqual([]);
        expect(tokens).toBeGreaterThan(10_000);
        expect(checked).toBeGreaterThan(SAMPLED[id] ? 400_000 : 2_000_000);
      }, 120_000);
    });
  }
});
