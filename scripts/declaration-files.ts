// Post-processing of tsc's declaration output for the published packages (sdk/build.ts, widgets/build/package.ts):
// the sources import relative paths without ".js" (Bundler resolution), which Node16 ESM resolution — what
// `@arethetypeswrong/cli` checks for a consumer with "moduleResolution": "node16" — cannot follow.
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/** Adds ".js" (or "/index.js") to extensionless relative specifiers in emitted declarations (Node16 ESM needs it). */
export function fixDeclarationSpecifiers(dir: string): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const file = join(dir, e.name);
    if (e.isDirectory()) {
      fixDeclarationSpecifiers(file);
      continue;
    }
    if (!e.name.endsWith(".d.ts")) continue;
    const fix = (spec: string) => {
      if (!spec.startsWith(".") || /\.(js|json)$/.test(spec)) return spec;
      const base = resolve(dirname(file), spec);
      if (existsSync(`${base}.d.ts`)) return `${spec}.js`;
      return statSync(base, { throwIfNoEntry: false })?.isDirectory() ? `${spec}/index.js` : `${spec}.js`;
    };
    const text = readFileSync(file, "utf8");
    const out = text
      .replace(/(from\s+["'])([^"']+)(["'])/g, (_m, a: string, s: string, b: string) => a + fix(s) + b)
      .replace(/(import\(\s*["'])([^"']+)(["']\s*\))/g, (_m, a: string, s: string, b: string) => a + fix(s) + b);
    if (out !== text) writeFileSync(file, out);
  }
}

/** Deletes declarations no entry reaches (tsc emits one per source file in the program). */
export function pruneDeclarations(dir: string, entries: readonly string[]): void {
  const keep = new Set<string>();
  const queue = entries.map((e) => resolve(dir, e));
  while (queue.length) {
    const file = queue.pop()!;
    if (keep.has(file) || !existsSync(file)) continue; // a dynamic import() tsc emitted no declaration for
    keep.add(file);
    for (const m of readFileSync(file, "utf8").matchAll(/(?:from\s+|import\(\s*)["'](\.[^"']+)\.js["']/g)) {
      queue.push(resolve(dirname(file), `${m[1]}.d.ts`));
    }
  }
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (!keep.has(p)) rmSync(p);
    }
    if (readdirSync(d).length === 0) rmSync(d, { recursive: true });
  };
  walk(dir);
}
