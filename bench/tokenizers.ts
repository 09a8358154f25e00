// `npm run bench -- tokenizers`: issue 14's tokenizer budgets in Node, side by side with tiktoken (WASM, the
// reference), gpt-tokenizer and js-tiktoken, as ratios (the browser figures, in Web Workers, are bench/pwa.ts's):
//   - a typical 30K-token prompt, warm (median of 7), o200k_base;
//   - the adversarial inputs (100 KB of one character, 30K CJK, 100 KB of base64): ours warm, median of 3; each peer
// once in a worker thread stopped after 60 s (they are quadratic on the first two); counts checked against tiktoken;
//   - cold load (file bytes → first count) and download size (raw and brotli) per provider's tokenizer.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { Worker } from "node:worker_threads";
import { countTokens as gptCount } from "gpt-tokenizer/encoding/o200k_base";
import { Tiktoken as JsTiktoken } from "js-tiktoken/lite";
import o200kJs from "js-tiktoken/ranks/o200k_base";
import { get_encoding } from "tiktoken";
import { TOKENIZERS, type TokenizerId } from "../oracle-core/tokens";
import { buildTokenizers, TOKENIZER_OUT } from "../scripts/build-tokenizers";
import { adversarialInputs } from "../scripts/token-corpus";
import { SHARED_DIR } from "../harness/shared-path";
import { tokenizerFromFile } from "../tokenizer/token-counter";

const WARM = 7;
const round = (x: number) => Math.round(x * 10) / 10;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = <T>(f: () => T): [T, number] => {
  const t0 = performance.now();
  const v = f();
  return [v, performance.now() - t0];
};

function prompt30k(count: (s: string) => number): string {
  const lines = ["seeds/how-it-works.txt", "SPEC.md", "reference/quant/MATH.md", "seeds/design-notes.txt"].flatMap(
    (f) => readFileSync(join(SHARED_DIR, f), "utf8").split("\n"),
  );
  let text = "";
  for (let i = 0; count(text) < 30_000; i++) text += `${lines[i % lines.length]}\n`;
  return text;
}

const PEER_LIMIT_MS = 60_000;

/** A peer's count of one text in a worker thread, stopped after PEER_LIMIT_MS (the quadratic ones on long pieces). */
function peer(lib: string, text: string): Promise<Record<string, unknown>> {
  return new Promise((done) => {
    const w = new Worker(new URL("./tokenizer-peer.mjs", import.meta.url), { workerData: { lib, text } });
    const timer = setTimeout(() => {
      void w.terminate();
      done({ timed_out_after_ms: PEER_LIMIT_MS });
    }, PEER_LIMIT_MS);
    w.once("message", (m: { n: number; ms: number }) => {
      clearTimeout(timer);
      void w.terminate();
      done({ ms: round(m.ms), count: m.n });
    });
    w.once("error", (e) => {
      clearTimeout(timer);
      done({ error: e.message });
    });
  });
}

export async function benchTokenizers(): Promise<Record<string, unknown>> {
  const sizes = buildTokenizers();
  const read = (id: TokenizerId) => new Uint8Array(readFileSync(resolve(TOKENIZER_OUT, TOKENIZERS[id].file)));
  const load: Record<string, unknown> = {};
  for (const id of Object.keys(TOKENIZERS) as TokenizerId[]) {
    const bytes = read(id);
    const [, ms] = time(() => tokenizerFromFile(id, bytes).count("cold load: the first count"));
    load[id] = {
      cold_load_ms: round(ms),
      bytes: sizes[id]!.bytes,
      brotli_bytes: sizes[id]!.brotli,
      engine: TOKENIZERS[id].engine,
    };
  }
  const ours = tokenizerFromFile("o200k_base", read("o200k_base"));
  const tk = get_encoding("o200k_base");
  const js = new JsTiktoken(o200kJs);
  const libs: Record<string, (s: string) => number> = {
    exostream: (s) => ours.count(s),
    tiktoken: (s) => tk.encode_ordinary(s).length,
    "gpt-tokenizer": (s) => gptCount(s),
    "js-tiktoken": (s) => js.encode(s).length,
  };
  const text = prompt30k(libs.tiktoken!);
  const want = libs.tiktoken!(text);
  const typical: Record<string, unknown> = { tokens: want, chars: text.length };
  const warm: Record<string, number> = {};
  for (const [name, f] of Object.entries(libs)) {
    f(`${text} warm-up`);
    const runs: number[] = [];
    let same = true;
    for (let i = 0; i < WARM; i++) {
      const variant = `${text} ${i}`;
      const [n, ms] = time(() => f(variant));
      same &&= n === libs.tiktoken!(variant);
      runs.push(ms);
    }
    warm[name] = median(runs);
    typical[name] = { warm_median_ms: round(warm[name]), equals_tiktoken: same };
  }
  typical["ratio_to_gpt_tokenizer"] = round((warm.exostream! / warm["gpt-tokenizer"]!) * 100) / 100;
  typical["ratio_to_tiktoken"] = round((warm.exostream! / warm.tiktoken!) * 100) / 100;
  const adversarial: Record<string, unknown> = {};
  for (const d of adversarialInputs()) {
    const row: Record<string, unknown> = { chars: d.text.length, bytes: Buffer.byteLength(d.text) };
    // Warm (the merge code compiled on another long piece first), median of 3.
    ours.count(`${"x".repeat(5000)} ${"吗".repeat(3000)}`);
    const runs = [0, 1, 2].map(() => time(() => ours.count(d.text)));
    const mine = runs[0]![0];
    const ms = median(runs.map((r) => r[1]));
    row["exostream"] = { ms: round(ms), count: mine };
    for (const name of ["tiktoken", "gpt-tokenizer", "js-tiktoken"]) row[name] = await peer(name, d.text);
    const reference = (row["tiktoken"] as { count?: number }).count;
    for (const name of Object.keys(libs)) {
      const r = row[name] as { count?: number } & Record<string, unknown>;
      if (r.count !== undefined) r["equals_tiktoken"] = reference === undefined ? null : r.count === reference;
    }
    (row["exostream"] as Record<string, unknown>)["ms_per_100kb"] = round(
      ((row["exostream"] as { ms: number }).ms * 100_000) / (row["bytes"] as number),
    );
    adversarial[d.name] = row;
  }
  tk.free();
  return { typical_30k_prompt: typical, adversarial, per_provider: load };
}
