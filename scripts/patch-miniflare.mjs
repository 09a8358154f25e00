// Works around a race in miniflare 4.20260426 (the last release line that runs on Node 20):
// SynchronousFetcher reads the worker thread's reply with one receiveMessageOnPort() right after
// Atomics.wait returns, and asserts on it; the reply can land a moment later, and the assertion then
// kills the getPlatformProxy bindings our in-process feed tests use. Fixed upstream
// (cloudflare/workers-sdk#15552) in versions that need Node 22. This waits for the reply instead.
// Idempotent; run as the root package's postinstall.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";

const file = resolve(import.meta.dirname, "../node_modules/miniflare/dist/src/index.js");
if (!existsSync(file)) process.exit(0);
const src = readFileSync(file, "utf8");
const MARK = "/* exostream: wait for the sync reply */";
if (src.includes(MARK)) process.exit(0);
const before = `    const message = (0, import_node_worker_threads.receiveMessageOnPort)(
      this.#channel.port1
    )?.message;
    (0, import_node_assert13.default)(message?.id === id);`;
const after = `    ${MARK}
    let message;
    for (let waited = 0; ; waited++) {
      message = (0, import_node_worker_threads.receiveMessageOnPort)(this.#channel.port1)?.message;
      if (message !== void 0 && message.id === id) break;
      if (message === void 0 && waited > 60000) break;
      if (message === void 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
    }
    (0, import_node_assert13.default)(message?.id === id);`;
if (!src.includes(before)) {
  console.warn("patch-miniflare: pattern not found; miniflare changed, patch not applied");
  process.exit(0);
}
writeFileSync(file, src.replace(before, after));
console.log("patch-miniflare: applied");
