// A peer tokenizer counting one text in a worker thread, so bench/tokenizers.ts can stop a quadratic run at a limit.
// Plain JS: a worker thread does not inherit tsx's loader.
import { parentPort, workerData } from "node:worker_threads";
import { countTokens as gptCount } from "gpt-tokenizer/encoding/o200k_base";
import { Tiktoken as JsTiktoken } from "js-tiktoken/lite";
import o200kJs from "js-tiktoken/ranks/o200k_base";
import { get_encoding } from "tiktoken";

const { lib, text } = workerData;
let count;
if (lib === "gpt-tokenizer") count = gptCount;
else if (lib === "js-tiktoken") {
  const js = new JsTiktoken(o200kJs);
  count = (s) => js.encode(s).length;
} else {
  const tk = get_encoding("o200k_base");
  count = (s) => tk.encode_ordinary(s).length;
}
count("warm-up");
const t0 = performance.now();
const n = count(text);
parentPort.postMessage({ n, ms: performance.now() - t0 });
