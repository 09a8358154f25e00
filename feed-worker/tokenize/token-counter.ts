/** Counts tokens of a text with a named OpenAI encoding. Injected into the app so each runtime supplies tiktoken its own way. */
export type TokenCounter = (encoding: "o200k_base" | "cl100k_base", text: string) => Promise<number>;
