/**
 * Counts tokens of a text with a named tokenizer; injected into the app so each runtime reads the files its own way.
 */
export type { TokenCounter } from "../../tokenizer/token-counter";
