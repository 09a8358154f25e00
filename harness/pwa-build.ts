import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { buildTokenizers, TOKENIZER_OUT } from "../scripts/build-tokenizers";

const ROOT = resolve(import.meta.dirname, "..");
// One build folder per checkout: several checkouts on one machine must not serve each other's builds.
const OUT = join(tmpdir(), `exostream-pwa-test-${createHash("sha256").update(ROOT).digest("hex").slice(0, 12)}`);

function fingerprint(): string {
  const h = createHash("sha256");
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else h.update(`${p}:${st.size}:${st.mtimeMs}\n`);
    }
  };
  for (const d of ["pwa", "oracle-core", "api-core", "tokenizer"]) walk(join(ROOT, d));
  return h.digest("hex");
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * The app built by `vite build --config pwa/vite.pwa.ts` into a private folder (plus the tokenizer files
 * scripts/build-assets.mjs would copy), rebuilt only when pwa/ or oracle-core/ changed. Test files running in
 * parallel share one build through a lock directory.
 */
export function pwaBuildDir(): string {
  buildTokenizers();
  const fp = fingerprint();
  const stamp = join(OUT, ".fingerprint");
  const fresh = () => existsSync(stamp) && readFileSync(stamp, "utf8") === fp;
  if (fresh()) return OUT;
  const lock = `${OUT}.lock`;
  for (let waited = 0; ; waited += 100) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (waited > 180_000) throw new Error(`timed out waiting for ${lock}`);
      sleep(100);
    }
  }
  try {
    if (fresh()) return OUT;
    const tmp = `${OUT}.tmp-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    // The tokenizer files scripts/build-tokenizers.ts builds (incrementally) into dist/public/tokenizers.
    cpSync(resolve(TOKENIZER_OUT), join(tmp, "tokenizers"), { recursive: true });
    const r = spawnSync(
      process.execPath,
      [join(ROOT, "node_modules/vite/bin/vite.js"), "build", "--config", "pwa/vite.pwa.ts", "--logLevel", "warn"],
      {
        cwd: ROOT,
        env: { ...process.env, NODE_ENV: "production", EXOSTREAM_PWA_OUT: tmp },
        encoding: "utf8",
      },
    );
    if (r.status !== 0) throw new Error(`pwa build failed:\n${r.stdout}\n${r.stderr}`);
    rmSync(OUT, { recursive: true, force: true });
    renameSync(tmp, OUT);
    writeFileSync(stamp, fp);
    return OUT;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
