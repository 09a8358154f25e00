/**
 * Token counts for models without a public tokenizer are estimates from the o200k_base count.
 * The band is deliberately wide: vendors' tokenizers (Anthropic, Google, xAI, Mistral, DeepSeek,
 * Llama) split English prose within roughly −15%…+30% of o200k_base and code or non-Latin text
 * more widely; we publish the band instead of pretending to precision.
 */
export interface TokenEstimate {
  n_in: number;
  exact: boolean;
  encoding: string;
  /** [low, high] bounds of the estimate (equal to n_in when exact). */
  band: [number, number];
  method: string;
}

export const ESTIMATE_BAND = Object.freeze({ low: -0.15, high: 0.3 });

/** Exact count for o200k_base / cl100k_base models; a labelled estimate with its band otherwise. */
export function tokenEstimate(tokenizer: string, count: number, countEncoding: "o200k_base" | "cl100k_base"): TokenEstimate {
  if (tokenizer === countEncoding) return { n_in: count, exact: true, encoding: tokenizer, band: [count, count], method: `exact count with tiktoken ${tokenizer}` };
  return {
    n_in: count,
    exact: false,
    encoding: tokenizer,
    band: [Math.floor(count * (1 + ESTIMATE_BAND.low)), Math.ceil(count * (1 + ESTIMATE_BAND.high))],
    method: `estimate: ${countEncoding} count used as a proxy for ${tokenizer.replace(/^estimate:/, "")}; the vendor's tokenizer is not public, band ${ESTIMATE_BAND.low * 100}%…+${ESTIMATE_BAND.high * 100}%`,
  };
}

/** The encoding to count a model's prompt with: its own if public, else o200k_base as the proxy. */
export function countingEncoding(tokenizer: string): "o200k_base" | "cl100k_base" {
  return tokenizer === "cl100k_base" ? "cl100k_base" : "o200k_base";
}
