import BAND from "./estimate-band.json";
import { isTokenizerId, TOKENIZERS, type CountKind, type TokenizerId } from "./tokenizers";

/** A prompt's token count and what it is: exact, exact for a published vocabulary, or an estimate with its band. */
export interface TokenEstimate {
  n_in: number;
  /** True for counts with the model's own (or its published) vocabulary; false for estimates. */
  exact: boolean;
  /** The model's tokenizer as the registry names it (o200k_base, llama3, estimate:claude…). */
  encoding: string;
  /** [low, high] bounds of the estimate (equal to n_in when exact). */
  band: [number, number];
  method: string;
  kind: CountKind;
  /** The label every surface shows: "exact", "exact (open vocabulary)" or "estimate −x%…+y%". */
  label: string;
  /** The tokenizer that produced the count. */
  counted_with: TokenizerId;
}

/**
 * The band of an o200k_base count used for a vendor whose tokenizer is not public (Anthropic, xAI, Llama 4): the
 * spread of the published modern vocabularies against o200k_base on the token corpus (scripts/calibrate-token-band.ts
 * writes estimate-band.json), so the band says how far a real tokenizer has been seen to differ, not a guess.
 */
export const ESTIMATE_BAND = Object.freeze({ low: BAND.low, high: BAND.high });

/** UTF-8 bytes per o200k_base token on the corpus's natural text: the instant size-based estimate for huge pastes. */
export const BYTES_PER_TOKEN = BAND.bytes_per_token;

const pct = (x: number) => `${x < 0 ? "−" : "+"}${Math.round(Math.abs(x) * 100)}%`;

/** The label of an estimate's band, e.g. "estimate −15%…+30%". */
export const ESTIMATE_LABEL = `estimate ${pct(ESTIMATE_BAND.low)}…${pct(ESTIMATE_BAND.high)}`;

/** The tokenizer to count a model's prompt with: its own when the engine has it, else o200k_base as the proxy. */
export function countingEncoding(tokenizer: string): TokenizerId {
  return isTokenizerId(tokenizer) ? tokenizer : "o200k_base";
}

/**
 * What a count means for a model's tokenizer: exact (OpenAI), exact for the published vocabulary (Llama 3, Tekken,
 * DeepSeek V3, Gemma 3 for Gemini), or a labelled estimate with the calibrated band.
 * @example tokenEstimate("estimate:claude", 1000, "o200k_base").band // [low, high] around 1000
 */
export function tokenEstimate(tokenizer: string, count: number, countedWith: TokenizerId): TokenEstimate {
  if (tokenizer === countedWith && isTokenizerId(tokenizer)) {
    const info = TOKENIZERS[tokenizer];
    const open = info.kind === "open-vocabulary";
    return {
      n_in: count,
      exact: true,
      encoding: tokenizer,
      band: [count, count],
      method: `exact count with ${info.title}`,
      kind: info.kind,
      label: open ? "exact (open vocabulary)" : "exact",
      counted_with: countedWith,
    };
  }
  const vendor = tokenizer.replace(/^estimate:/, "");
  return {
    n_in: count,
    exact: false,
    encoding: tokenizer,
    band: [Math.floor(count * (1 + ESTIMATE_BAND.low)), Math.ceil(count * (1 + ESTIMATE_BAND.high))],
    method: `estimate: ${countedWith} count used as a proxy for ${vendor}; the vendor's tokenizer is not public, band ${pct(ESTIMATE_BAND.low)}…${pct(ESTIMATE_BAND.high)} (the published vocabularies' spread against ${countedWith} on ${BAND.documents} corpus documents)`,
    kind: "estimate",
    label: ESTIMATE_LABEL,
    counted_with: countedWith,
  };
}

/** UTF-8 length of a string without encoding it (lone surrogates count 3, as U+FFFD). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Past this UTF-8 size a prompt first shows an instant size-based estimate (labelled) while the exact count runs. */
export const SIZE_ESTIMATE_BYTES = 200_000;

/** The instant size-based estimate shown while the exact count of a huge paste runs (labelled as such). */
export function sizeEstimate(text: string): { n_in: number; bytes: number; label: string } {
  return bytesEstimate(utf8Length(text));
}

/** sizeEstimate from a UTF-8 size already known (a paste measured in slices). */
export function bytesEstimate(bytes: number): { n_in: number; bytes: number; label: string } {
  return {
    n_in: Math.round(bytes / BYTES_PER_TOKEN),
    bytes,
    label: `estimate from size (${BYTES_PER_TOKEN.toFixed(1)} bytes per token)`,
  };
}
