/** Counts a text's tokens with a named OpenAI encoding (tiktoken's ranks; the count OpenAI bills). */
export type TokenCounter = (encoding: "o200k_base" | "cl100k_base", text: string) => Promise<number>;

interface Encoder {
  encode_ordinary(text: string): ArrayLike<number>;
}

/**
 * tiktoken, loaded on first use (an optional peer dependency: only pre-call estimates from prompt text need it).
 * Special-token text in a prompt is counted as ordinary text, as providers bill it.
 */
export function tiktokenCounter(): TokenCounter {
  const encoders = new Map<string, Promise<Encoder>>();
  return async (encoding, text) => {
    let enc = encoders.get(encoding);
    if (!enc) {
      enc = import("tiktoken").then((m) => m.get_encoding(encoding) as Encoder);
      enc.catch(() => encoders.delete(encoding));
      encoders.set(encoding, enc);
    }
    return (await enc).encode_ordinary(text).length;
  };
}
