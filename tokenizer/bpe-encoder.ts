import { bytePairMerge } from "./bpe-merge";
import { runtimeClassesAgree } from "./runtime-classes";
import { TokenizerError } from "./tokenizer-error";
import { compileRuntimeSplitPattern, compileSplitPattern } from "./split-pattern";
import { utf8Into, wellFormed } from "./utf8";
import type { BpeVocabulary } from "./vocab-file";

/** How far a count has got: `position` UTF-16 units of the text are counted, `tokens` so far. */
export interface CountCursor {
  readonly tokens: number;
  readonly position: number;
  readonly done: boolean;
  /** Counts on until at least `units` more UTF-16 units are done (or the text ends). */
  advance(units: number): void;
}

/** A CountCursor over a step function: step(from, units) counts from `from` on and returns [tokens, new position]. */
export function stepCursor(length: number, step: (from: number, units: number) => [number, number]): CountCursor {
  let tokens = 0;
  let position = 0;
  return {
    get tokens() {
      return tokens;
    },
    get position() {
      return position;
    },
    get done() {
      return position >= length;
    },
    advance(units: number) {
      if (position >= length) return;
      const [n, at] = step(position, units);
      tokens += n;
      position = at;
    },
  };
}

const CACHE_LIMIT = 50_000;
const CACHEABLE = 128;
const HAS_SURROGATE = /[\ud800-\udfff]/;

/** A pre-tokenizer pattern twice: sticky (a match exactly at lastIndex) and global (the next match on). */
interface Splitter {
  readonly sticky: RegExp;
  readonly global: RegExp;
}
const splitter = (re: RegExp): Splitter => ({ sticky: new RegExp(re.source, "uy"), global: re });

/**
 * tiktoken-style tokenization (regex pre-tokenizer, then byte-pair merge by rank) in plain TypeScript: ids equal
 * tiktoken's for OpenAI's encodings and the reference's for the open vocabularies (corpus-checked). Long pieces take
 * the O(n log n) merge, so no input is quadratic. Frequent pieces are cached by their text.
 * @example new BpeEncoder(readBpeFile(bytes)).count("hello world") // 2 with o200k_base
 */
export class BpeEncoder {
  readonly name: string;
  /** The pre-tokenizer with tiktoken's Unicode tables spelled out: exact on every text. */
  private readonly re: Splitter;
  /** The same with the runtime's \p{…} classes: much faster, used when runtimeClassesAgree(text). */
  private readonly fast: Splitter;
  private readonly added: RegExp | null;
  private readonly addedIds: Map<string, number>;
  private readonly cache = new Map<string, number | number[]>();
  private buf = new Uint8Array(1024);

  constructor(private readonly vocab: BpeVocabulary) {
    // mergeLong packs (rank, position) into one double: exact below 2^21 ranks (the largest vocabulary here: 200K).
    if (vocab.ranks >= 2 ** 21) {
      throw new TokenizerError("E_TOKENIZER_DATA", `${vocab.name}: ${vocab.ranks} ranks, at most 2^21`);
    }
    this.name = vocab.name;
    this.re = splitter(compileSplitPattern(vocab.pattern));
    this.fast = splitter(compileRuntimeSplitPattern(vocab.pattern));
    this.addedIds = new Map(vocab.addedTokens.map((t) => [t.content, t.id]));
    // Longest first: at one position the longest added token wins (Hugging Face's leftmost-longest match).
    const alts = [...this.addedIds.keys()]
      .sort((a, b) => b.length - a.length)
      .map((s) => s.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&"));
    this.added = alts.length ? new RegExp(alts.join("|"), "gu") : null;
  }

  /** The token ids of `text` (special-token text counts as ordinary text unless the vocabulary adds it). */
  encode(text: string): number[] {
    const out: number[] = [];
    const t = HAS_SURROGATE.test(text) ? wellFormed(text) : text;
    this.run(t, this.splitter(t), 0, t.length, out);
    return out;
  }

  /** The number of tokens of `text` (the same as encode(text).length, without building the list). */
  count(text: string): number {
    const c = this.cursor(text);
    c.advance(Infinity);
    return c.tokens;
  }

  /** A count that advances in steps (for progress and cancel points between them). */
  cursor(text: string): CountCursor {
    const t = HAS_SURROGATE.test(text) ? wellFormed(text) : text;
    const re = this.splitter(t);
    return stepCursor(t.length, (from, units) => this.run(t, re, from, Math.min(t.length, from + units), null));
  }

  // The fast pre-tokenizer when the runtime's Unicode classes agree with tiktoken's on every code point of the text.
  private splitter(text: string): Splitter {
    return runtimeClassesAgree(text) ? this.fast : this.re;
  }

  // Tokenizes text from `from` (a piece boundary) through at least `until`, returning [tokens, where it stopped].
  private run(text: string, re: Splitter, from: number, until: number, out: number[] | null): [number, number] {
    let n = 0;
    let pos = from;
    while (pos < until) {
      let segEnd = text.length;
      let special: string | null = null;
      if (this.added) {
        this.added.lastIndex = pos;
        const m = this.added.exec(text);
        if (m) {
          segEnd = m.index;
          special = m[0];
        }
      }
      if (pos < segEnd) {
        const seg = segEnd === text.length ? text : text.slice(0, segEnd);
        const [k, at] = this.pieces(seg, re, pos, until, out);
        n += k;
        pos = at;
        if (pos < segEnd) break; // stopped inside the segment: resume here
      }
      if (special === null) break;
      const id = this.addedIds.get(special)!;
      if (out) out.push(id);
      n++;
      pos = segEnd + special.length;
    }
    return [n, pos];
  }

  // Pre-tokenizes seg from `from` and merges each piece, until a piece ends at or past `until`.
  private pieces(seg: string, sp: Splitter, from: number, until: number, out: number[] | null): [number, number] {
    const { cache, vocab } = this;
    const { sticky, global } = sp;
    const off = vocab.idOffset;
    let n = 0;
    let pos = from;
    while (pos < seg.length) {
      // The next piece almost always starts where the last one ended: a sticky test() finds it without building a
      // match array; else exec() searches on (the text between is text the pattern does not match, dropped).
      let start = pos;
      sticky.lastIndex = pos;
      if (sticky.test(seg)) {
        pos = sticky.lastIndex;
      } else {
        global.lastIndex = pos;
        const m = global.exec(seg);
        if (m === null) break;
        start = m.index;
        pos = global.lastIndex;
      }
      if (pos === start) {
        pos++;
        continue;
      }
      const piece = seg.slice(start, pos);
      let v = cache.get(piece);
      if (v === undefined) {
        v = this.mergePiece(piece, off);
        if (piece.length <= CACHEABLE) {
          if (cache.size >= CACHE_LIMIT) cache.clear();
          cache.set(piece, v);
        }
      }
      if (typeof v === "number") {
        n++;
        if (out) out.push(v);
      } else {
        n += v.length;
        if (out) for (const id of v) out.push(id);
      }
      if (pos >= until) return [n, pos];
    }
    // No further piece: the rest of seg is text the pattern does not match (tiktoken drops it too).
    return [n, seg.length];
  }

  private mergePiece(piece: string, off: number): number | number[] {
    if (this.buf.length < piece.length * 3) this.buf = new Uint8Array(piece.length * 3);
    const buf = this.buf;
    const len = utf8Into(piece, buf);
    const r = this.vocab.table.get(buf, 0, len);
    if (r >= 0) return r + off;
    const ids: number[] = [];
    bytePairMerge(this.vocab.table, buf, len, ids, off);
    return ids.length === 1 ? ids[0]! : ids;
  }
}
