// The two package linters a consumer's tooling agrees with: publint (package.json fields against the files that ship)
// and @arethetypeswrong/cli (does every entry resolve to types and JavaScript under Node16 ESM and bundlers). Both
// packages are ESM only, so attw runs with its "esm-only" profile (it ignores the CommonJS and node10 resolutions).
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { ROOT } from "./package-install";

export interface LintResult {
  status: number | null;
  output: string;
}

const bin = (name: string) => resolve(ROOT, "node_modules/.bin", name);

/** publint on the tarball as packed (its Node API; the CLI would pack the folder again). Messages as text lines. */
export async function publintTarball(tarball: string): Promise<{ errors: string[]; warnings: string[] }> {
  const bytes = readFileSync(tarball);
  const tar = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const { messages, pkg } = await publint({ pack: { tarball: tar as ArrayBuffer }, level: "warning" });
  const text = (type: string) =>
    messages.filter((m) => m.type === type).map((m) => `${m.code}: ${formatMessage(m, pkg) ?? ""}`);
  return { errors: text("error"), warnings: text("warning") };
}

/** `attw <tarball> --profile esm-only`. */
export function attw(tarball: string): LintResult {
  const r = spawnSync(bin("attw"), [tarball, "--profile", "esm-only", "--no-color"], { encoding: "utf8" });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}
