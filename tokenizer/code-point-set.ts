/** An inclusive range of code points. */
export type Range = [number, number];

/** Encodes sorted, disjoint ranges as "gap[+extra]" in base 36, comma-separated (gap from the previous range's end). */
export function encodeRanges(ranges: readonly Range[]): string {
  let prev = -1;
  return ranges
    .map(([a, b]) => {
      const s = (a - prev - 1).toString(36) + (b > a ? `+${(b - a).toString(36)}` : "");
      prev = b;
      return s;
    })
    .join(",");
}

/** The inverse of encodeRanges. */
export function decodeRanges(text: string): Range[] {
  if (!text) return [];
  let prev = -1;
  return text.split(",").map((item) => {
    const [gap, extra] = item.split("+");
    const a = prev + 1 + parseInt(gap!, 36);
    const b = a + (extra ? parseInt(extra, 36) : 0);
    prev = b;
    return [a, b];
  });
}

/** The union of range lists, sorted and merged (adjacent ranges join). */
export function unionRanges(...lists: readonly (readonly Range[])[]): Range[] {
  const all = lists
    .flat()
    .map(([a, b]): Range => [a, b])
    .sort((x, y) => x[0] - y[0]);
  const out: Range[] = [];
  for (const [a, b] of all) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** Whether a code point is in sorted, disjoint ranges (binary search). */
export function inRanges(ranges: readonly Range[], cp: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid]!;
    if (cp < r[0]) hi = mid - 1;
    else if (cp > r[1]) lo = mid + 1;
    else return true;
  }
  return false;
}

const hex = (cp: number) => `\\u{${cp.toString(16)}}`;

/** The body of a JS regex character class (inside […], for the `u` flag) matching exactly these code points. */
export function classBody(ranges: readonly Range[]): string {
  return ranges.map(([a, b]) => (a === b ? hex(a) : b === a + 1 ? hex(a) + hex(b) : `${hex(a)}-${hex(b)}`)).join("");
}
