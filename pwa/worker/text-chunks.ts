/**
 * Splits a prompt where tiktoken's pre-tokeniser always starts a new piece, so that the sum of the
 * chunks' token counts equals the count of the whole text (checked against tiktoken in text-chunks.test.ts).
 *
 * The cut is before a space that sits between two letters ("word| word"). In both o200k_base and
 * cl100k_base the piece holding the first letter is a letter run, which cannot take a space, and the
 * space starts the next piece (" word"); the patterns have no look-behind, so matching the rest from the
 * cut gives the same pieces. A text without such a space (one long run of a character, CJK with no
 * spaces, base64) is one chunk: BPE on it cannot be split without changing the count.
 */
const CUT = /(?<=\p{L}) (?=\p{L})/gu;

/** Chunks of about `target` UTF-16 units (longer where no cut point is near), in order, joining back to `text`. */
export function textChunks(text: string, target = 16_384): string[] {
  const out: string[] = [];
  let start = 0;
  while (text.length - start > target) {
    const cut = cutNear(text, start, start + target);
    if (cut === -1) break;
    out.push(text.slice(start, cut));
    start = cut;
  }
  out.push(text.slice(start));
  return out;
}

// The last cut point in (start, want], else the first one after want; -1 when there is none.
function cutNear(text: string, start: number, want: number): number {
  let best = -1;
  const back = Math.max(start + 1, want - 4096);
  CUT.lastIndex = back;
  for (let m = CUT.exec(text); m && m.index <= want; m = CUT.exec(text)) best = m.index;
  if (best > start) return best;
  CUT.lastIndex = want;
  const m = CUT.exec(text);
  return m ? m.index : -1;
}
