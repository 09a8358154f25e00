// Calibrates the band of an estimated token count (oracle-core/tokens/estimate-band.json). A vendor without a public
// tokenizer (Anthropic, xAI, Llama 4) is counted with o200k_base; how far could its own tokenizer be? The corpus
// answers for the tokenizers that are public: on each natural-text document (prose, code, JSON, CJK, emoji, mixed;
// not the synthetic runs, base64 or random code points), the ratio of each published vocabulary's count to
// o200k_base's. The band runs from the lowest 5th percentile to the highest 95th percentile among them (it holds
// 90% of the documents for every one of them), and the size-based estimate
// uses o200k_base's UTF-8 bytes per token on prose, code and JSON. Run: `npx tsx scripts/calibrate-token-band.ts`.
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { utf8Length } from "../oracle-core/tokens";
import type { TokenizerId } from "../oracle-core/tokens";
import { engineTokenizer } from "../test/tokens/vocab-files";
import { tokenCorpus } from "./token-corpus";

const OTHERS: TokenizerId[] = ["cl100k_base", "llama3", "tekken", "deepseek-v3", "gemma3"];
const NATURAL = new Set(["prose", "code", "json", "cjk", "emoji", "mixed"]);

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  const i = (s.length - 1) * q;
  return s[Math.floor(i)]! + (s[Math.ceil(i)]! - s[Math.floor(i)]!) * (i - Math.floor(i));
};

async function main(): Promise<void> {
  const docs = tokenCorpus().filter((d) => NATURAL.has(d.kind));
  const o200k = await engineTokenizer("o200k_base");
  const base = docs.map((d) => o200k.count(d.text));
  const per: Record<string, [number, number]> = {};
  for (const id of OTHERS) {
    const t = await engineTokenizer(id);
    const rs = docs.map((d, i) => (base[i]! >= 200 ? t.count(d.text) / base[i]! : NaN)).filter(Number.isFinite);
    per[id] = [quantile(rs, 0.05), quantile(rs, 0.95)];
  }
  const plain = docs.map((d, i) => [d, base[i]!] as const).filter(([d]) => ["prose", "code", "json"].includes(d.kind));
  const bytes = plain.reduce((n, [d]) => n + utf8Length(d.text), 0);
  const tokens = plain.reduce((n, [, c]) => n + c, 0);
  const round = (x: number) => Math.round(x * 100) / 100;
  const band = {
    low: round(Math.min(0, ...Object.values(per).map(([a]) => a - 1))),
    high: round(Math.max(0, ...Object.values(per).map(([, b]) => b - 1))),
    bytes_per_token: round(bytes / tokens),
    documents: base.filter((n) => n >= 200).length,
    calibrated_on: `lowest 5th to highest 95th percentile of ${OTHERS.join(", ")} counts over o200k_base's on the token corpus's natural-text documents (scripts/calibrate-token-band.ts)`,
    per_tokenizer: Object.fromEntries(Object.entries(per).map(([k, [a, b]]) => [k, [round(a - 1), round(b - 1)]])),
  };
  writeFileSync(
    resolve(import.meta.dirname, "../oracle-core/tokens/estimate-band.json"),
    `${JSON.stringify(band, null, 2)}\n`,
  );
  console.log(band);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
