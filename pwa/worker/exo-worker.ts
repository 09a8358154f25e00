// The one worker of the calculator: oracle-core (every number the app shows) and the tokenizer engine. The page spawns
// it
// twice, one instance for the math and one for tokenization, so a long tokenization never delays a price and
// can be cancelled by terminating its instance. Only the snapshot verifier and the calculator's pricing load
// up front; the other pages' math and the tokenizer load on first use.
import { expose } from "comlink";
import { attempt } from "./attempt";
import { calculate, compareActive } from "./calculate";
import { cancelJob, endJob, jobSignal } from "./jobs";
import { refreshSnapshot, startSnapshot } from "./snapshot-sync";
import { stagePrompt, takeStagedPrompt } from "./staged-prompt";
import type { WorkerApi } from "./worker-api";

async function job<T>(id: number, run: (signal: { readonly aborted: boolean }) => Promise<T>) {
  const signal = jobSignal(id);
  try {
    return await attempt(() => run(signal));
  } finally {
    endJob(id);
  }
}

const api: WorkerApi = {
  start: startSnapshot,
  refresh: refreshSnapshot,
  calculate: (ticker, req) => attempt(() => calculate(ticker, req)),
  compare: (req, provider) => attempt(() => compareActive(req, provider)),
  modelSheet: (ticker) => attempt(async () => (await import("./model-sheet")).modelSheet(ticker)),
  history: (ticker) => attempt(async () => (await import("./history")).history(ticker)),
  indexView: () => attempt(async () => (await import("./index-view")).indexView()),
  swap: (input) => attempt(async () => (await import("./swap-desk")).swapDesk(input)),
  canvas: (input) => attempt(async () => (await import("./planning")).canvas(input)),
  budget: (input) => attempt(async () => (await import("./planning")).budget(input)),
  backtest: () => attempt(async () => (await import("./backtest-view")).backtestView()),
  monteCarlo: (id, input, onProgress) =>
    job(id, async (signal) => (await import("./monte-carlo-job")).monteCarlo(input, signal, onProgress)),
  stagePrompt,
  countTokens: (id, text, tokenizer, onProgress) =>
    job(id, async (signal) => {
      const prompt = text ?? takeStagedPrompt();
      return (await import("./tokenizer")).countTokens(prompt, tokenizer, signal, onProgress);
    }),
  cancel: cancelJob,
};

expose(api);
