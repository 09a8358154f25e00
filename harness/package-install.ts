// Installs a packed tarball into an empty project the way a consumer does (`npm install <tarball>`), with no network
// and no reliance on the npm cache: the tarball's dependencies are copied from the repository's node_modules first
// (same versions `npm ci` installed, same nested layout), then npm installs the tarball with `--offline` and an empty
// cache of its own. npm then only unpacks the tarball and links its bin; if anything else were missing it would fail
// with ENOTCACHED instead of reaching a registry. Why not the npm cache: `npm ci` caches tarballs but no packuments,
// and `npm install <tgz>` needs a packument for every dependency it cannot satisfy from node_modules.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "..");
const NODE_MODULES = resolve(ROOT, "node_modules");

interface Manifest {
  name: string;
  version: string;
  bin?: string | Record<string, string>;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, "utf8")) as T;

/** Where Node finds `name` from a package folder inside the repository's node_modules (nearest node_modules up). */
function locate(name: string, from: string): string | undefined {
  for (let dir = from; dir.startsWith(NODE_MODULES); dir = dirname(dir)) {
    const hit = join(dir, "node_modules", name);
    if (existsSync(join(hit, "package.json"))) return hit;
  }
  const top = join(NODE_MODULES, name);
  return existsSync(join(top, "package.json")) ? top : undefined;
}

/**
 * The top-level node_modules folders that `names` need at run time (dependencies and optional dependencies,
 * transitively, resolved the way Node resolves them). Nested copies travel inside their top-level folder.
 */
export function dependencyClosure(names: readonly string[]): string[] {
  const top = new Set<string>();
  const seen = new Set<string>();
  const queue = names.map((n) => ({ name: n, from: NODE_MODULES }));
  while (queue.length) {
    const { name, from } = queue.pop()!;
    const dir = locate(name, from);
    if (!dir) continue; // an optional dependency for another platform
    if (seen.has(dir)) continue;
    seen.add(dir);
    const rel = relative(NODE_MODULES, dir).split("/node_modules/")[0]!;
    top.add(rel);
    const m = readJson<Manifest>(join(dir, "package.json"));
    for (const d of Object.keys({ ...m.dependencies, ...m.optionalDependencies })) queue.push({ name: d, from: dir });
  }
  return [...top].sort();
}

/** Packs the package in `dir` (`npm pack`) into `dest`; returns the tarball's path. */
export function npmPack(dir: string, dest: string): string {
  const out = execFileSync("npm", ["pack", "--json", "--pack-destination", dest], { cwd: dir, encoding: "utf8" });
  const [info] = JSON.parse(out) as { filename: string }[];
  return join(dest, info!.filename);
}

/** The dependency names a tarball declares (read from the packed package.json). */
export function tarballDependencies(tarball: string): string[] {
  const pkg = execFileSync("tar", ["-xOzf", tarball, "package/package.json"], { encoding: "utf8" });
  return Object.keys((JSON.parse(pkg) as Manifest).dependencies ?? {});
}

/** node_modules/.bin links of a copied package: npm reinstalls (from a registry) a package whose bins are missing. */
function linkBins(nodeModules: string, rel: string): void {
  const m = readJson<Manifest>(join(nodeModules, rel, "package.json"));
  const bins = typeof m.bin === "string" ? { [m.name.split("/").pop()!]: m.bin } : (m.bin ?? {});
  mkdirSync(join(nodeModules, ".bin"), { recursive: true });
  for (const [name, file] of Object.entries(bins)) {
    const link = join(nodeModules, ".bin", name);
    if (!existsSync(link)) symlinkSync(relative(join(nodeModules, ".bin"), join(nodeModules, rel, file)), link);
  }
}

export interface ConsumerProject {
  dir: string;
  /** npm's output of the tarball installs. */
  log: string;
}

/**
 * An empty project (`{"type": "module"}`) with `tarballs` installed through npm, offline. `extra` names packages the
 * project itself uses (react, vite, typescript…), copied from the repository's node_modules like the dependencies.
 */
export function consumerProject(tarballs: readonly string[], extra: readonly string[] = []): ConsumerProject {
  const dir = mkdtempSync(join(tmpdir(), "exo-consumer-"));
  // The project lists what it uses itself (npm install would prune the copies as extraneous otherwise).
  const own = Object.fromEntries(
    extra.map((n) => [n, readJson<Manifest>(join(NODE_MODULES, n, "package.json")).version]),
  );
  const manifest = { name: "consumer", private: true, type: "module", dependencies: own };
  writeFileSync(join(dir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  const needed = dependencyClosure([...tarballs.flatMap(tarballDependencies), ...extra]);
  for (const rel of needed) {
    cpSync(join(NODE_MODULES, rel), join(dir, "node_modules", rel), { recursive: true, verbatimSymlinks: true });
    linkBins(join(dir, "node_modules"), rel);
  }
  const cache = join(dir, ".npm-cache");
  mkdirSync(cache);
  const args = ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", "--cache", cache, ...tarballs];
  const log = execFileSync("npm", args, { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  return { dir, log };
}
