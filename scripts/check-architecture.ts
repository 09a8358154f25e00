// The architecture check `npm test` runs after the typecheck: no import cycle (type-only ones included) and no
// import across the layering table below. Known violations that other work is removing sit in
// scripts/architecture-allow.json, each with the issue item that removes it; an entry that no longer matches fails
// too, so the list only shrinks.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { z } from "zod";
import { importCycles, importGraph, type ImportEdge } from "./import-graph";

/**
 * Which part may import which (README "Architecture"). A part is a file's top folder; test files anywhere
 * (`*.test.ts`, `*.bench.ts`), the tooling folders and a part's build files (`<part>/build.ts`, `<part>/build/`,
 * `<part>/vite.*.ts`) may import anything. Root files (vite.config.ts) are tooling.
 */
export const LAYERS: Readonly<Record<string, readonly string[] | "any">> = {
  "oracle-core": [],
  tokenizer: ["oracle-core"],
  "api-core": ["oracle-core"],
  "feed-worker": ["oracle-core", "api-core", "tokenizer", "data"],
  sdk: ["oracle-core", "api-core", "tokenizer"],
  widgets: ["oracle-core", "api-core", "tokenizer"],
  // The PWA bundles the price history (a lazy, precached chunk) to run the forecasts' backtest offline.
  pwa: ["oracle-core", "api-core", "tokenizer", "data"],
  data: [],
  scripts: "any",
  bench: "any",
  harness: "any",
  test: "any",
  tooling: "any",
  ".": "any",
};

/** The part a repository file belongs to, for the layering table. */
export function partOf(path: string): string {
  if (/\.(test|bench)\.m?ts$/.test(path)) return "test";
  // A part's build tooling (sdk/build.ts, widgets/build/, pwa/vite.pwa.ts) runs in Node at build time, not in the part.
  if (/^[^/]+\/(build\.m?ts$|build\/|vite\.[^/]+\.ts$)/.test(path)) return "tooling";
  const slash = path.indexOf("/");
  return slash < 0 ? "." : path.slice(0, slash);
}

/** Why an entry is allowed: the issue item whose change removes it ("issue 15 item 7") and a sentence. */
const REASON = { removed_by: z.string().min(1), why: z.string().min(1) };

/** scripts/architecture-allow.json: a cycle's files (its whole strongly connected component) or one edge [from, to]. */
export const AllowFileSchema = z.strictObject({
  $comment: z.string().optional(),
  entries: z.array(
    z.union([
      z.strictObject({ cycle: z.array(z.string()).min(1), ...REASON }),
      z.strictObject({ edge: z.tuple([z.string(), z.string()]), ...REASON }),
    ]),
  ),
});
export type AllowEntry = { cycle?: string[]; edge?: [string, string]; removed_by: string; why: string };

export interface ArchitectureReport {
  cycles: { members: string[]; loop: ImportEdge[]; allowed: boolean }[];
  forbidden: (ImportEdge & { allowed: boolean })[];
  /** Imports from outside oracle-core that pass by its front door (an area's index.ts) to a module behind it. */
  deep: ImportEdge[];
  /** Allow-list entries that match nothing any more: delete them. */
  stale: AllowEntry[];
  files: number;
  edges: number;
}

const sameSet = (a: readonly string[], b: readonly string[]) => [...a].sort().join("\n") === [...b].sort().join("\n");

/** Checks a set of files (path → text) against the layering table and the allow-list. */
export function checkArchitecture(
  files: ReadonlyMap<string, string>,
  allow: readonly AllowEntry[] = [],
  layers = LAYERS,
): ArchitectureReport {
  const edges = importGraph(files);
  const used = new Set<AllowEntry>();
  const match = (pred: (a: AllowEntry) => boolean) => {
    const hit = allow.find(pred);
    if (hit) used.add(hit);
    return !!hit;
  };
  const cycles = importCycles(edges).map((c) => ({
    ...c,
    allowed: match((a) => !!a.cycle && sameSet(a.cycle, c.members)),
  }));
  const forbidden = edges
    .filter((e) => {
      const from = partOf(e.from);
      const to = partOf(e.to);
      const may = layers[from];
      if (may === undefined) return false; // a folder the table does not name (docs/) holds no code
      return from !== to && may !== "any" && !may.includes(to);
    })
    .map((e) => ({ ...e, allowed: match((a) => a.edge?.[0] === e.from && a.edge[1] === e.to) }));
  const deep = edges.filter((e) => isDeepCoreImport(e));
  return { cycles, forbidden, deep, stale: allow.filter((a) => !used.has(a)), files: files.size, edges: edges.length };
}

/**
 * oracle-core's front door: code outside it imports `oracle-core` (the root index) or `oracle-core/<area>` (that
 * area's index.ts, which lists what is public), never a module behind it. A dynamic `import()` may name a module
 * directly: it is a lazy split point (the noble fallback verifier) and the index would defeat it.
 */
export function isDeepCoreImport(e: ImportEdge): boolean {
  if (e.from.startsWith("oracle-core/") || !e.to.startsWith("oracle-core/") || e.dynamic) return false;
  return /\.m?ts$/.test(e.to) && !/(^|\/)index\.ts$/.test(e.to);
}

const arrow = (e: ImportEdge) => (e.typeOnly ? " ─type→ " : " ──→ ");

/** The report as lines for a person; `ok` is false when anything is not allow-listed or an entry is stale. */
export function formatReport(r: ArchitectureReport): { ok: boolean; lines: string[] } {
  const lines: string[] = [];
  for (const c of r.cycles) {
    const loop = c.loop.map((e) => `${e.from}${arrow(e)}`).join("") + c.loop[0]!.from;
    const wider = c.members.length > c.loop.length;
    const all = wider ? ` (component of ${c.members.length} files: ${c.members.join(", ")})` : "";
    lines.push(`${c.allowed ? "allowed" : "CYCLE"}: ${loop}${all}`);
  }
  for (const e of r.forbidden) {
    const rule = `${partOf(e.from)} may not import ${partOf(e.to)}`;
    lines.push(`${e.allowed ? "allowed" : "FORBIDDEN"}: ${e.from}${arrow(e)}${e.to} (${rule})`);
  }
  for (const e of r.deep) {
    const door = e.to.split("/").length > 2 ? e.to.split("/").slice(0, 2).join("/") : "oracle-core";
    lines.push(`DEEP: ${e.from}${arrow(e)}${e.to} (import it from ${door}, its index.ts says what is public)`);
  }
  for (const a of r.stale) {
    lines.push(`STALE allow-list entry (remove it): ${JSON.stringify(a.cycle ?? a.edge)} — ${a.removed_by}`);
  }
  const bad =
    r.cycles.filter((c) => !c.allowed).length +
    r.forbidden.filter((e) => !e.allowed).length +
    r.deep.length +
    r.stale.length;
  const allowed = r.cycles.filter((c) => c.allowed).length + r.forbidden.filter((e) => e.allowed).length;
  lines.push(`architecture: ${r.files} files, ${r.edges} imports; ${bad} violation(s), ${allowed} allow-listed`);
  return { ok: bad === 0, lines };
}

const CODE = /\.(m?ts|m?js|json)$/;

/** Every tracked (and new, not ignored) source and JSON file of the checkout, with its text. */
function repositoryFiles(root: string): Map<string, string> {
  const out = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], {
    cwd: root,
    encoding: "utf8",
  });
  const files = new Map<string, string>();
  for (const p of out.split("\0")) {
    if (!CODE.test(p)) continue;
    try {
      files.set(p, p.endsWith(".json") ? "" : readFileSync(resolve(root, p), "utf8"));
    } catch {
      // deleted in the working tree but still in the index: not part of the code any more
    }
  }
  return files;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.dirname, "check-architecture.ts")) {
  const root = resolve(import.meta.dirname, "..");
  const allow = AllowFileSchema.parse(
    JSON.parse(readFileSync(resolve(import.meta.dirname, "architecture-allow.json"), "utf8")),
  );
  const { ok, lines } = formatReport(checkArchitecture(repositoryFiles(root), allow.entries));
  for (const l of lines) (ok ? console.log : console.error)(l);
  process.exit(ok ? 0 : 1);
}
