// Builds the two npm packages for the consumer tests, the way a release does: `npx tsx sdk/build.ts` and
// `npx tsx widgets/build/package.ts`, then `npm pack` into a temporary folder.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { npmPack, ROOT } from "./package-install";

export const SDK_DIR = resolve(ROOT, "sdk");
export const WIDGETS_PACKAGE_DIR = resolve(ROOT, "packages/widgets");

const BUILDERS = { sdk: "sdk/build.ts", widgets: "widgets/build/package.ts" } as const;

/** Runs the package's build script and packs it; returns the tarball's path. */
export function buildAndPack(which: keyof typeof BUILDERS): string {
  const tsx = resolve(ROOT, "node_modules/tsx/dist/cli.mjs");
  const r = spawnSync(process.execPath, [tsx, BUILDERS[which]], { cwd: ROOT, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${BUILDERS[which]} failed:\n${r.stdout}\n${r.stderr}`);
  return npmPack(which === "sdk" ? SDK_DIR : WIDGETS_PACKAGE_DIR, mkdtempSync(join(tmpdir(), "exo-pack-")));
}
