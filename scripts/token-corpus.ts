// The tokenizer corpus: ≥ 2 MB of varied text assembled from files on the machine (the repo's docs, code and data,
// the shared specs, package READMEs and minified bundles in node_modules) and generated with a seeded RNG (CJK, emoji,
// base64, long runs, random Unicode, the code points where JS and Rust Unicode tables differ), plus the adversarial
// inputs of issue 14. Deterministic for a given checkout. Used by test/tokens/corpus.test.ts (ids against the
// reference implementations), scripts/calibrate-token-band.ts and bench/tokenizers.ts.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { seededRng } from "../test/support/envelope-mutations";

const root = resolve(import.meta.dirname, "..");
const shared = resolve(root, "../shared");

export type CorpusKind =
  | "prose"
  | "code"
  | "json"
  | "cjk"
  | "emoji"
  | "base64"
  | "runs"
  | "unicode"
  | "mixed"
  | "adversarial";

export interface CorpusDoc {
  name: string;
  kind: CorpusKind;
  text: string;
}

/** The seeded PRNG the envelope mutations use (mulberry32): the corpus must be the same on every run. */
export const rng = seededRng;

const CAP = 48_000;

function file(path: string, kind: CorpusKind, cap = CAP): CorpusDoc | null {
  if (!existsSync(path)) return null;
  const text = readFileSync(path, "utf8").slice(0, cap);
  return { name: relative(root, path), kind, text };
}

function walk(dir: string, ext: RegExp, limit: number): string[] {
  const out: string[] = [];
  const visit = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (out.length >= limit) return;
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== "node_modules" && !e.name.startsWith(".")) visit(p);
      } else if (ext.test(e.name) && statSync(p).size > 200) out.push(p);
    }
  };
  if (existsSync(dir)) visit(dir);
  return out;
}

/**
 * The adversarial inputs of issue 14's budgets: 100 KB of one character, 30K CJK characters, 100 KB of base64
 * (scale 1, as the bench runs them). The references are quadratic on the first two (tiktoken: seconds each), so the
 * corpus test takes them at a smaller scale: the same shapes, still far past the engine's long-piece threshold.
 */
export function adversarialInputs(scale = 1): CorpusDoc[] {
  const r = rng(14);
  const kb = (n: number) => Math.round(n * scale);
  const bytes = Buffer.from(Array.from({ length: kb(75_000) }, () => Math.floor(r() * 256)));
  return [
    { name: `${kb(100)} KB of one character`, kind: "adversarial", text: "a".repeat(kb(100_000)) },
    { name: `${kb(30)}K CJK characters, no punctuation`, kind: "adversarial", text: cjk(r, kb(30_000), false) },
    { name: `${kb(100)} KB of base64`, kind: "adversarial", text: bytes.toString("base64") },
  ];
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const between = (r: () => number, a: number, b: number) => a + Math.floor(r() * (b - a + 1));

function cjk(r: () => number, n: number, punctuated: boolean): string {
  const blocks: [number, number][] = [
    [0x4e00, 0x9fff],
    [0x3040, 0x309f],
    [0x30a0, 0x30ff],
    [0xac00, 0xd7a3],
    [0x3400, 0x4dbf],
    [0x20000, 0x2a6df],
  ];
  let s = "";
  for (let i = 0; i < n; i++) {
    const [a, b] = blocks[r() < 0.7 ? 0 : Math.floor(r() * blocks.length)]!;
    s += String.fromCodePoint(between(r, a, b));
    if (punctuated && r() < 0.08) s += pick(r, ["，", "。", "、", "「", "」", "！", "？", " ", "\n", "123", "AI"]);
  }
  return s;
}

const EMOJI = ["😀", "👍🏽", "👩‍💻", "🏳️‍🌈", "🇯🇵", "❤️", "1️⃣", "🧑🏿‍🤝‍🧑🏻", "🐈‍⬛", "✨", "🤖", "👨‍👩‍👧‍👦", "🫠", "🪿"];
const WORDS = [
  "price",
  "token",
  "the",
  "model",
  "forward",
  "café",
  "naïve",
  "Straße",
  "Ωmega",
  "ЖУРНАЛ",
  "δοκιμή",
  "مرحبا",
  "שלום",
  "नमस्ते",
  "ไทย",
  "don't",
  "WE'LL",
  "I'M",
  "it'S",
  "ſtate",
  "K-line",
];

function emoji(r: () => number, n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += r() < 0.5 ? pick(r, EMOJI) : `${pick(r, [" ", "", "\n", "  "])}${pick(r, WORDS)}`;
  return s;
}

function runs(r: () => number): string[] {
  return [
    " ".repeat(8000) + "x",
    "\n".repeat(3000) + "\r\n".repeat(2000),
    ".".repeat(8000),
    "0123456789".repeat(2000),
    "ab".repeat(10_000),
    Array.from({ length: 3000 }, () => "-".repeat(between(r, 1, 80))).join(" "),
    "\t \t\n".repeat(4000),
    "A".repeat(4000) + "a".repeat(4000) + "Aa".repeat(3000),
    "💩".repeat(4000),
    "é".repeat(4000) + "e\u0301".repeat(3000),
    "\u00a0\u3000\u2028\u0085\ufeff".repeat(2000),
  ];
}

// Random code points from every plane (no surrogates), with a bias toward letters, marks and spaces.
function randomUnicode(r: () => number, n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) {
    const x = r();
    let cp: number;
    if (x < 0.35) cp = between(r, 0x20, 0x7e);
    else if (x < 0.7) cp = between(r, 0xa0, 0xffff);
    else if (x < 0.9) cp = between(r, 0x10000, 0x3ffff);
    else if (x < 0.95) cp = between(r, 0xe0000, 0x10ffff);
    else cp = pick(r, [0x85, 0xfeff, 0x2028, 0x2029, 0x0d, 0x0a, 0x09, 0x20, 0x301, 0x17f, 0x212a, 0x27]);
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    s += String.fromCodePoint(cp);
  }
  return s;
}

/**
 * Every code point where this runtime's \p{L}, \p{N}, \p{M}, \p{P}, \p{S} or \s disagree with Unicode 16 (tiktoken's).
 */
export function tableDiffText(classBodies: Record<string, string>): string {
  // One string of every code point; each class is read with one global match over it (fast), then compared.
  const cps: number[] = [];
  for (let cp = 0; cp < 0x110000; cp++) if (cp < 0xd800 || cp > 0xdfff) cps.push(cp);
  let all = "";
  for (let k = 0; k < cps.length; k += 50_000) all += String.fromCodePoint(...cps.slice(k, k + 50_000));
  const at: number[] = []; // string index -> code point
  cps.forEach((cp) => (cp > 0xffff ? at.push(cp, cp) : at.push(cp)));
  const members = (re: RegExp) => {
    const set = new Set<number>();
    for (const m of all.matchAll(re)) for (let k = m.index; k < m.index + m[0].length; k++) set.add(at[k]!);
    return set;
  };
  const diff = new Set<number>();
  for (const [k, body] of Object.entries(classBodies)) {
    const js = members(new RegExp(`${k}+`, "gu"));
    const ours = members(new RegExp(`[${body}]+`, "gu"));
    for (const cp of js) if (!ours.has(cp)) diff.add(cp);
    for (const cp of ours) if (!js.has(cp)) diff.add(cp);
  }
  const r = rng(16);
  const around = ["a", "A", "1", " ", "'s", ".", "中", "\n", "é"];
  return [...diff]
    .sort((a, b) => a - b)
    .map((cp) => `${pick(r, around)}${String.fromCodePoint(cp)}${pick(r, around)}${r() < 0.3 ? " " : ""}`)
    .join("");
}

/**
 * The whole corpus (seeded). `diffText` is the text over the code points where JS and Unicode 16 tables differ
 * (from tableDiffText; passed in so this file needs no engine import).
 */
export function tokenCorpus(diffText = ""): CorpusDoc[] {
  const docs: CorpusDoc[] = [];
  const add = (d: CorpusDoc | null) => d && d.text.length > 0 && docs.push(d);
  for (const f of [
    "SPEC.md",
    "STYLE.md",
    "reference/quant/MATH.md",
    "seeds/how-it-works.txt",
    "seeds/design-notes.txt",
    "seeds/oracle-readme.txt",
    "seeds/backlog.txt",
  ])
    add(file(join(shared, f), "prose"));
  for (const f of ["README.md", "docs/METHODOLOGY.md", "widgets/README.md", "sdk/README.md"])
    add(file(join(root, f), "prose"));
  for (const p of [
    "hono",
    "zod",
    "lit",
    "comlink",
    "idb",
    "uplot",
    "vitest",
    "typescript",
    "esbuild",
    "wrangler",
    "@noble/ed25519",
    "fast-check",
    "openai",
    "@anthropic-ai/sdk",
  ])
    add(file(join(root, "node_modules", p, "README.md"), "prose", 24_000));
  for (const p of walk(join(root, "oracle-core"), /\.ts$/, 60)) add(file(p, "code", 12_000));
  for (const p of walk(join(root, "feed-worker"), /\.ts$/, 30)) add(file(p, "code", 12_000));
  for (const p of walk(join(root, "pwa"), /\.ts$/, 30)) add(file(p, "code", 12_000));
  for (const p of walk(join(root, "widgets"), /\.ts$/, 15)) add(file(p, "code", 12_000));
  add(file(join(root, "node_modules/uplot/dist/uPlot.iife.min.js"), "code"));
  add(file(join(root, "node_modules/comlink/dist/umd/comlink.min.js"), "code"));
  add(file(join(root, "node_modules/lit/polyfill-support.js"), "code"));
  add(file(join(root, "node_modules/hono/dist/hono-base.js"), "code"));
  add(file(join(root, "data/registry.json"), "json", 96_000));
  add(file(join(root, "data/history.json"), "json", 64_000));
  for (const p of walk(join(root, "data/archives"), /\.json$/, 8)) add(file(p, "json", 48_000));
  const r = rng(20261202);
  for (let i = 0; i < 8; i++) add({ name: `cjk-${i}`, kind: "cjk", text: cjk(r, 8000, i % 2 === 0) });
  for (let i = 0; i < 4; i++) add({ name: `emoji-${i}`, kind: "emoji", text: emoji(r, 4000) });
  for (let i = 0; i < 4; i++) {
    const b = Buffer.from(Array.from({ length: 12_000 }, () => Math.floor(r() * 256)));
    add({
      name: `base64-${i}`,
      kind: "base64",
      text: i % 2 ? b.toString("base64").replace(/.{76}/g, "$&\n") : b.toString("hex"),
    });
  }
  runs(r).forEach((text, i) => add({ name: `run-${i}`, kind: "runs", text }));
  for (let i = 0; i < 12; i++) add({ name: `unicode-${i}`, kind: "unicode", text: randomUnicode(r, 6000) });
  if (diffText) add({ name: "js-vs-unicode16-table-differences", kind: "unicode", text: diffText });
  const specials =
    "<|endoftext|> <|begin_of_text|><|eot_id|> <s>[INST] hi [/INST]</s> <bos><start_of_turn>user <｜begin▁of▁sentence｜> <|im_start|>";
  for (let i = 0; i < 6; i++)
    add({
      name: `mixed-${i}`,
      kind: "mixed",
      text: Array.from({ length: 400 }, () =>
        pick(r, [
          specials,
          emoji(r, 3),
          cjk(r, 5, true),
          pick(r, WORDS),
          " 'S 'LL 've",
          "\r\n",
          "x = f(y) + 1;",
          '{"a": [1, 2.5e-3]}',
          "\u0085\ufeff\u200d",
        ]),
      ).join(pick(r, [" ", "", "\n"])),
    });
  for (const d of adversarialInputs(0.12)) add(d);
  return docs;
}
