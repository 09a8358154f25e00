import { classBody, decodeRanges, unionRanges, type Range } from "./code-point-set";
import { TokenizerError } from "./tokenizer-error";
import { UNICODE_CLASSES, type UnicodeClass } from "./unicode-classes";

/**
 * Translates a pre-tokenizer pattern written for Rust's regex / fancy-regex (tiktoken's pat_str) or Oniguruma
 * (a tokenizer.json Split) into a JS RegExp that matches the same pieces on every JS runtime:
 * - `\p{…}` and `\s` become explicit code point classes from tiktoken's own tables (UNICODE_CLASSES), because V8's
 *   tables follow a newer Unicode and JS `\s` differs from Rust's on U+0085 (Rust: space) and U+FEFF (JS: space);
 * - `(?i:…)` (which JS lacks before ES2025) becomes explicit case classes, with Unicode simple case folding
 *   (`s` also matches U+017F ſ, `k` also matches U+212A K) as Rust applies it;
 * - every escape becomes a `\u{…}` so that `u`-mode's strict escaping accepts it.
 * Anything else outside the subset these patterns use (`.`, `\d`, `\w`, `\b`, back-references) is refused, not guessed.
 */
export function compileSplitPattern(source: string): RegExp {
  return new RegExp(translatePattern(source), "gu");
}

/** The JS source (for the `u` flag) of compileSplitPattern's RegExp. */
export function translatePattern(source: string): string {
  return translate(source, false);
}

/**
 * The same pattern with the runtime's own `\p{…}` classes (everything else translated as above): 8–12× faster in
 * V8, and exact on any text for which runtimeClassesAgree holds.
 */
export function compileRuntimeSplitPattern(source: string): RegExp {
  return new RegExp(translate(source, true), "gu");
}

// \p{L} etc.; also the long forms some tokenizer.json files use.
const ALIAS: Record<string, UnicodeClass> = { Letter: "L", Mark: "M", Number: "N", Punctuation: "P", Symbol: "S" };

const CLASS_CACHE = new Map<string, Range[]>();
function named(name: string): Range[] {
  if (name === "White_Space") return cls("White_Space");
  const key = (ALIAS[name] ?? name) as UnicodeClass;
  if (!(key in UNICODE_CLASSES))
    throw new TokenizerError("E_TOKENIZER_PATTERN", `unsupported Unicode class \\p{${name}}`);
  return cls(key);
}
/** A general category's canonical name for a runtime `\p{…}` (null: White_Space, always spelled out). */
function runtimeClassName(name: string): string | null {
  const key = ALIAS[name] ?? name;
  return key === "White_Space" ? null : key;
}

function cls(key: UnicodeClass): Range[] {
  let r = CLASS_CACHE.get(key);
  if (!r) CLASS_CACHE.set(key, (r = decodeRanges(UNICODE_CLASSES[key])));
  return r;
}

const MAX = 0x10ffff;
function complement(ranges: readonly Range[]): Range[] {
  const out: Range[] = [];
  let next = 0;
  for (const [a, b] of ranges) {
    if (a > next) out.push([next, a - 1]);
    next = b + 1;
  }
  if (next <= MAX) out.push([next, MAX]);
  return out;
}

// Case variants under Unicode simple case folding for the ASCII letters (the only letters inside (?i:…) here).
const FOLD_EXTRA: Record<string, number[]> = { s: [0x17f], k: [0x212a] };
function caseless(ch: string): string {
  const lower = ch.toLowerCase();
  const upper = ch.toUpperCase();
  if (lower === upper) return escapeChar(ch.codePointAt(0)!);
  const cps = [lower.codePointAt(0)!, upper.codePointAt(0)!, ...(FOLD_EXTRA[lower] ?? [])];
  return `[${classBody(unionRanges(cps.map((c): Range => [c, c])))}]`;
}

const escapeChar = (cp: number) =>
  /[A-Za-z0-9 '"_,:;<>=!@#%&~`-]/.test(String.fromCodePoint(cp)) ? String.fromCodePoint(cp) : `\\u{${cp.toString(16)}}`;

const SIMPLE_ESCAPES: Record<string, number> = { r: 13, n: 10, t: 9, f: 12, v: 11, "0": 0 };

function translate(src: string, runtimeClasses: boolean): string {
  let out = "";
  let i = 0;
  const caseStack: boolean[] = [];
  const insensitive = () => caseStack.length > 0 && caseStack[caseStack.length - 1] === true;
  const fail = (what: string): never => {
    throw new TokenizerError("E_TOKENIZER_PATTERN", `pattern ${JSON.stringify(src.slice(0, 80))}: ${what} at ${i}`);
  };

  // Reads one escape after a backslash at src[i] (i points at the backslash); returns a set or a single code point.
  const readEscape = (): { set: Range[]; runtime?: string } | { cp: number } => {
    const c = src[i + 1];
    if (c === undefined) return fail("trailing backslash");
    if (c === "p" || c === "P") {
      let name: string;
      if (src[i + 2] === "{") {
        const end = src.indexOf("}", i + 3);
        if (end < 0) fail("unterminated \\p{");
        name = src.slice(i + 3, end);
        i = end + 1;
      } else {
        name = src[i + 2]!;
        i += 3;
      }
      const set = named(name);
      const spelled = runtimeClasses && runtimeClassName(name);
      return { set: c === "p" ? set : complement(set), ...(spelled ? { runtime: `\\${c}{${spelled}}` } : {}) };
    }
    if (c === "s" || c === "S") {
      i += 2;
      return { set: c === "s" ? cls("White_Space") : complement(cls("White_Space")) };
    }
    if (c === "u" && src[i + 2] === "{") {
      const end = src.indexOf("}", i + 3);
      const cp = parseInt(src.slice(i + 3, end), 16);
      i = end + 1;
      return { cp };
    }
    if (c === "x" || c === "u") {
      const n = c === "x" ? 2 : 4;
      const cp = parseInt(src.slice(i + 2, i + 2 + n), 16);
      if (!Number.isFinite(cp)) fail(`bad \\${c} escape`);
      i += 2 + n;
      return { cp };
    }
    if (c in SIMPLE_ESCAPES) {
      i += 2;
      return { cp: SIMPLE_ESCAPES[c]! };
    }
    if (/[A-Za-z0-9]/.test(c!)) fail(`unsupported escape \\${c}`);
    const cp = src.codePointAt(i + 1)!;
    i += cp > 0xffff ? 3 : 2;
    return { cp };
  };

  const readClass = (): string => {
    i++; // [
    let negate = false;
    if (src[i] === "^") {
      negate = true;
      i++;
    }
    const parts: Range[][] = [];
    const runtime: string[] = []; // \p{…} kept as the runtime's class (compileRuntimeSplitPattern)
    let first = true;
    while (i < src.length && (src[i] !== "]" || first)) {
      first = false;
      let lo: number;
      if (src[i] === "[") fail("nested class");
      if (src[i] === "\\") {
        const e = readEscape();
        if ("set" in e) {
          if (e.runtime) runtime.push(e.runtime);
          else parts.push(e.set);
          continue;
        }
        lo = e.cp;
      } else {
        lo = src.codePointAt(i)!;
        i += lo > 0xffff ? 2 : 1;
      }
      if (src[i] === "-" && src[i + 1] !== "]" && i + 1 < src.length) {
        i++;
        let hi: number;
        if (src[i] === "\\") {
          const e = readEscape();
          if ("set" in e) fail("class as a range end");
          hi = (e as { cp: number }).cp;
        } else {
          hi = src.codePointAt(i)!;
          i += hi > 0xffff ? 2 : 1;
        }
        if (hi < lo) fail("reversed range");
        parts.push([[lo, hi]]);
      } else {
        parts.push([[lo, lo]]);
      }
    }
    if (src[i] !== "]") fail("unterminated class");
    i++;
    const set = unionRanges(...parts);
    const letters = runtime.length > 0 || set.some(([a, b]) => a <= 0x7a && b >= 0x41);
    if (insensitive() && letters) fail("letters in a class inside (?i:)");
    return `[${negate ? "^" : ""}${classBody(set)}${runtime.join("")}]`;
  };

  while (i < src.length) {
    const c = src[i]!;
    if (c === "\\") {
      const e = readEscape();
      out += "set" in e ? (e.runtime ?? `[${classBody(e.set)}]`) : escapeChar(e.cp);
    } else if (c === "[") {
      out += readClass();
    } else if (c === "(") {
      if (src.startsWith("(?i:", i)) {
        caseStack.push(true);
        out += "(?:";
        i += 4;
      } else if (src.startsWith("(?:", i) || src.startsWith("(?=", i) || src.startsWith("(?!", i)) {
        caseStack.push(insensitive());
        out += src.slice(i, i + 3);
        i += 3;
      } else if (src[i + 1] === "?") {
        fail("unsupported group");
      } else {
        caseStack.push(insensitive());
        out += "(?:"; // capture groups are irrelevant to the split: keep them non-capturing
        i++;
      }
    } else if (c === ")") {
      if (!caseStack.length) fail("unbalanced )");
      caseStack.pop();
      out += ")";
      i++;
    } else if (c === ".") {
      fail("'.' (line terminators differ between engines)");
    } else if ("|?*+{}".includes(c)) {
      if (c === "{") {
        const m = /^\{\d+(,\d*)?\}/.exec(src.slice(i));
        if (!m) fail("bad repetition");
        out += m![0];
        i += m![0].length;
        continue;
      }
      out += c;
      i++;
    } else if (c === "^" || c === "$") {
      fail(`anchor ${c}`);
    } else {
      const cp = src.codePointAt(i)!;
      out += insensitive() && /[A-Za-z]/.test(c) ? caseless(c) : escapeChar(cp);
      i += cp > 0xffff ? 2 : 1;
    }
  }
  if (caseStack.length) fail("unbalanced (");
  return out;
}
