/** oracle-core/tokens public surface: what the other parts of the repository import from it. */

export {
  ESTIMATE_BAND,
  ESTIMATE_LABEL,
  SIZE_ESTIMATE_BYTES,
  bytesEstimate,
  countingEncoding,
  sizeEstimate,
  tokenEstimate,
  utf8Length,
} from "./estimate";
export { TOKENIZERS } from "./tokenizers";

export type { TokenEstimate } from "./estimate";
export type { TokenizerId } from "./tokenizers";
