import { SIZE_ESTIMATE_BYTES, utf8Length } from "../../oracle-core/tokens";

export { SIZE_ESTIMATE_BYTES };

/**
 * Past this size a paste is held aside instead of going into the textarea: Chromium lays out a textarea's text on
 * the main thread at ~0.2 µs per ASCII character and ~2.4 µs per CJK one (measured: 4 MB took 14.8 s), so a
 * multi-megabyte prompt in the box would freeze the page. The box then shows the paste's beginning, read-only.
 */
export const HELD_PASTE_BYTES = SIZE_ESTIMATE_BYTES;

/** How much of a held paste the box shows (laid out in a few ms whatever the script). */
export const PREVIEW_CHARS = 1_000;

/** The prompt after pasting `text` over the textarea's selection (line breaks are normalised when it is counted). */
export function pastedPrompt(ta: HTMLTextAreaElement, text: string): string {
  return ta.value.slice(0, ta.selectionStart) + text + ta.value.slice(ta.selectionEnd);
}

/** Whether a prompt is too large for the textarea (its UTF-8 size is at least its UTF-16 length: no scan then). */
export function tooLargeToShow(prompt: string): boolean {
  const n = prompt.length;
  return n > HELD_PASTE_BYTES || (n * 3 > HELD_PASTE_BYTES && utf8Length(prompt) > HELD_PASTE_BYTES);
}

/** What the box shows of a held prompt: its beginning, cut on a code point boundary. */
export function promptPreview(prompt: string): string {
  let end = Math.min(prompt.length, PREVIEW_CHARS);
  if (end < prompt.length && (prompt.charCodeAt(end - 1) & 0xfc00) === 0xd800) end--;
  return prompt.slice(0, end);
}
