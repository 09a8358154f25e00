// Run inside an empty project where only the packed `exostream` tarball is installed (test/packages/sdk-package.test.ts
// copies it there): every function the README and the package's index document, against the feed the test started.
// Plain JavaScript on purpose: this is what a consumer's script looks like. Prints one JSON object.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import * as sdk from "exostream";

const { createOracle, wrap, createBudget, verifyWebhook, signWebhook, SIGNATURE_HEADER, loadSnapshot, memoryCache } =
  sdk;
const { engineTokenCounter, readUsage, meterTokens, estimateCall, isOracleError } = sdk;
const feedUrl = process.env.FEED_URL;
const publicKey = process.env.PUBLIC_KEY;
const prompt = readFileSync(process.env.PROMPT_FILE, "utf8");
const response = JSON.parse(readFileSync(process.env.RESPONSE_FILE, "utf8"));
const out = { exports: Object.keys(sdk).sort() };

// The README's first block, with this feed and key in place of the placeholders.
const oracle = await createOracle({ feedUrl, publicKeys: [publicKey] });
out.snapshot = oracle.snapshot;
out.estimate = await oracle.estimate({ model: "gpt-4.1", prompt, max_tokens: 800 });
out.meter = oracle.meter(response);
out.price = oracle.price({ model: "GPT-4.1", n_in: 30000, n_out: 800, eta: 0.6 });
out.compare = oracle.compare({ n_in: 30000, n_out: 800 }).ranked.map((r) => r.ticker);
out.forward = oracle.forward("gpt-4.1", "12M");
await oracle.refresh();
try {
  oracle.price({ model: "gpt-4.2-turbo", n_in: 1 });
} catch (e) {
  out.unknown = { isOracleError: isOracleError(e), code: e.code };
}

// wrap + budget: an OpenAI-shaped client whose create() answers with the recorded response.
const budget = createBudget({ limit_usd: 1 });
const client = { chat: { completions: { create: async () => structuredClone(response) } } };
const wrapped = wrap(client, oracle, { budget });
const r = await wrapped.chat.completions.create({
  model: "gpt-4.1",
  messages: [{ role: "user", content: prompt }],
  max_tokens: 800,
});
out.wrapped = r.exostream;
out.budget = { spent: budget.spent_usd, calls: budget.calls, affordable: budget.canAfford(out.estimate) };

// the pure pieces
const loaded = await loadSnapshot({ feedUrl, publicKeys: [publicKey], cache: memoryCache() });
const row = loaded.verified.payload.models.find((m) => m.ticker === "GPT-4.1");
out.meterTokens = meterTokens(row, readUsage(response)).cost;
out.estimateCall = estimateCall(row, { n_in: 1000, max_tokens: 100 }, loaded.verified.payload.valuation_date).max;
out.engineCount = await engineTokenCounter()("o200k_base", prompt);

// webhooks
const body = JSON.stringify({ type: "price.changed", ticker: "GPT-4.1" });
const header = await signWebhook("whsec_test", body, 1764000000);
out.webhook = {
  header: SIGNATURE_HEADER,
  ok: await verifyWebhook("whsec_test", header, body, 1764000000_000),
  tampered: await verifyWebhook("whsec_test", header, body.replace("4.1", "4.5"), 1764000000_000),
};

// the exostream-mcp bin over stdio: initialize, tools/list, tools/call price_task
out.mcp = await new Promise((resolve, reject) => {
  const p = spawn(
    "node_modules/.bin/exostream-mcp",
    ["--feed-url", feedUrl, "--public-key", publicKey, "--cache-dir", "mcp-cache"],
    { stdio: ["pipe", "pipe", "inherit"] },
  );
  const answers = new Map();
  let buf = "";
  const send = (m) => p.stdin.write(`${JSON.stringify(m)}\n`);
  p.stdout.on("data", (d) => {
    buf += d;
    for (let i = buf.indexOf("\n"); i >= 0; i = buf.indexOf("\n")) {
      const m = JSON.parse(buf.slice(0, i));
      buf = buf.slice(i + 1);
      answers.set(m.id, m);
      if (m.id === 1) {
        send({ jsonrpc: "2.0", method: "notifications/initialized" });
        send({ jsonrpc: "2.0", id: 2, method: "tools/list" });
        const args = { model: "GPT-4.1", n_in: 30000, n_out: 800, eta: 0.6 };
        send({ jsonrpc: "2.0", id: 3, method: "tools/call", params: { name: "price_task", arguments: args } });
      }
      if (answers.has(2) && answers.has(3)) {
        p.kill();
        const call = answers.get(3).result;
        resolve({
          server: answers.get(1).result.serverInfo.name,
          tools: answers
            .get(2)
            .result.tools.map((t) => t.name)
            .sort(),
          price_task: call.structuredContent ?? JSON.parse(call.content[0].text),
        });
      }
    }
  });
  p.on("error", reject);
  const init = { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "consumer", version: "0" } };
  send({ jsonrpc: "2.0", id: 1, method: "initialize", params: init });
});

console.log(JSON.stringify(out));
