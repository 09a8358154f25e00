// Builds the npm package: regenerates the model-id table from the registry, bundles dist/index.js and the
// exostream-mcp bin with esbuild (oracle-core and the tokenizer engine inlined; the MCP SDK and zod stay dependencies),
// copies the tokenizer files into dist/tokenizers (estimate({ prompt }) needs no peer), and emits declarations with
// tsc. Run from the repo root: `npx tsx sdk/build.ts`.
import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { build } from "esbuild";
import { modelAliases } from "../oracle-core/integrations";
import { RegistryFileSchema } from "../oracle-core/schemas";
import { buildTokenizers, TOKENIZER_OUT } from "../scripts/build-tokenizers";
import { fixDeclarationSpecifiers, pruneDeclarations } from "../scripts/declaration-files";

const here = import.meta.dirname;
const root = resolve(here, "..");

/** The provider-id → ticker table the SDK ships (sdk/src/model-aliases.json), from data/registry.json. */
export function aliasTable(): Record<string, string> {
  const registry = RegistryFileSchema.parse(JSON.parse(readFileSync(resolve(root, "data/registry.json"), "utf8")));
  return modelAliases(registry.models);
}

async function main(): Promise<void> {
  writeFileSync(resolve(here, "src/model-aliases.json"), `${JSON.stringify(aliasTable(), null, 1)}\n`);
  rmSync(resolve(here, "dist"), { recursive: true, force: true });
  const external = ["@modelcontextprotocol/sdk", "zod", "node:*"];
  await build({
    entryPoints: { index: resolve(here, "src/index.ts"), "mcp-stdio": resolve(here, "src/mcp-stdio.ts") },
    outdir: resolve(here, "dist"),
    bundle: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    mainFields: ["module", "main"],
    external,
    splitting: true,
    sourcemap: true,
    legalComments: "none",
  });
  chmodSync(resolve(here, "dist/mcp-stdio.js"), 0o755);
  buildTokenizers();
  cpSync(TOKENIZER_OUT, resolve(here, "dist/tokenizers"), { recursive: true });
  const tsc = spawnSync(
    process.execPath,
    [
      resolve(root, "node_modules/typescript/bin/tsc"),
      "-p",
      resolve(here, "tsconfig.json"),
      "--noEmit",
      "false",
      "--incremental",
      "false",
      "--declaration",
      "--emitDeclarationOnly",
      "--outDir",
      resolve(here, "dist/types"),
    ],
    { stdio: "inherit" },
  );
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
  fixDeclarationSpecifiers(resolve(here, "dist/types"));
  pruneDeclarations(resolve(here, "dist/types"), ["sdk/src/index.d.ts"]);
  console.log("sdk: dist/index.js, dist/mcp-stdio.js, dist/types");
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(here, "build.ts")) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
