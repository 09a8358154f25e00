// The repository's import graph, read from source text with the TypeScript parser: static imports, `import type`,
// re-exports, dynamic `import()`, `import("x").T` type queries and `require()`. Pure: files come in as a map.
import ts from "typescript";

/** One import in a file: the specifier as written, and whether only types cross it. */
export interface ImportRef {
  specifier: string;
  typeOnly: boolean;
  /** A dynamic `import()` or `require()`: a lazy split point, loaded on demand. */
  dynamic?: boolean;
}

/** A resolved edge between two repository files. */
export interface ImportEdge {
  from: string;
  to: string;
  typeOnly: boolean;
  /** Every import of this target in the file is dynamic (`import()`/`require()`). */
  dynamic?: boolean;
}

/** Every module specifier a file names, in source order (AST walk, so strings and comments never count). */
export function importsOf(fileName: string, text: string): ImportRef[] {
  const kind = fileName.endsWith(".mjs") || fileName.endsWith(".js") ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, kind);
  const out: ImportRef[] = [];
  const lit = (n: ts.Node | undefined) => (n && ts.isStringLiteralLike(n) ? n.text : undefined);
  const visit = (n: ts.Node): void => {
    if (ts.isImportDeclaration(n)) {
      const c = n.importClause;
      // `import { type A, type B } from` erases like `import type`; a side-effect import (no clause) is a value edge.
      const named = c?.namedBindings && ts.isNamedImports(c.namedBindings) ? c.namedBindings.elements : undefined;
      const allTypes = !!c && !c.name && !!named && named.length > 0 && named.every((e) => e.isTypeOnly);
      push(lit(n.moduleSpecifier), !!c?.isTypeOnly || allTypes);
    } else if (ts.isExportDeclaration(n)) {
      const named = n.exportClause && ts.isNamedExports(n.exportClause) ? n.exportClause.elements : undefined;
      push(lit(n.moduleSpecifier), n.isTypeOnly || (!!named && named.length > 0 && named.every((e) => e.isTypeOnly)));
    } else if (ts.isImportEqualsDeclaration(n) && ts.isExternalModuleReference(n.moduleReference)) {
      push(lit(n.moduleReference.expression), n.isTypeOnly);
    } else if (ts.isImportTypeNode(n) && ts.isLiteralTypeNode(n.argument)) {
      push(lit(n.argument.literal), true);
    } else if (ts.isCallExpression(n) && n.arguments.length >= 1) {
      const isImport = n.expression.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(n.expression) && n.expression.text === "require";
      if (isImport || isRequire) push(lit(n.arguments[0]), false, true);
    }
    ts.forEachChild(n, visit);
  };
  const push = (specifier: string | undefined, typeOnly: boolean, dynamic = false) => {
    if (specifier !== undefined) out.push(dynamic ? { specifier, typeOnly, dynamic } : { specifier, typeOnly });
  };
  visit(sf);
  return out;
}

/** Normalises "a/./b/../c" to "a/c" (repository paths, always "/"). */
function normalise(path: string): string {
  const parts: string[] = [];
  for (const p of path.split("/")) {
    if (p === "" || p === ".") continue;
    if (p === "..") parts.pop();
    else parts.push(p);
  }
  return parts.join("/");
}

const dirOf = (path: string) => path.slice(0, Math.max(0, path.lastIndexOf("/")));

/**
 * The repository file a relative specifier names, as the bundler resolves it (`.js` written for `.ts`, a bare path,
 * a folder's index). Package specifiers, and paths that name no file of the set, give null.
 */
export function resolveSpecifier(from: string, specifier: string, has: (path: string) => boolean): string | null {
  if (!specifier.startsWith("./") && !specifier.startsWith("../")) return null;
  const base = normalise(`${dirOf(from)}/${specifier.replace(/[?#].*$/, "")}`);
  const stem = base.replace(/\.(m?js)$/, "");
  const candidates = [
    base,
    `${stem}.ts`,
    `${stem}.d.ts`,
    `${stem}.mts`,
    `${stem}.d.mts`,
    `${stem}.mjs`,
    `${base}/index.ts`,
  ];
  return candidates.find(has) ?? null;
}

/** The resolved edges of a set of files (keys are repository paths; JSON and other data files may be keys too). */
export function importGraph(files: ReadonlyMap<string, string>): ImportEdge[] {
  const has = (p: string) => files.has(p);
  const edges: ImportEdge[] = [];
  for (const [from, text] of files) {
    if (!/\.(m?ts|m?js)$/.test(from)) continue;
    // One edge per target: a value import wins over a type-only one of the same file.
    const seen = new Map<string, ImportEdge>();
    for (const ref of importsOf(from, text)) {
      const to = resolveSpecifier(from, ref.specifier, has);
      if (to === null) continue;
      const prev = seen.get(to);
      if (!prev) {
        seen.set(
          to,
          ref.dynamic ? { from, to, typeOnly: ref.typeOnly, dynamic: true } : { from, to, typeOnly: ref.typeOnly },
        );
      } else {
        prev.typeOnly &&= ref.typeOnly;
        if (!ref.dynamic) delete prev.dynamic;
      }
    }
    edges.push(...seen.values());
  }
  return edges;
}

/**
 * Every import cycle, one per strongly connected component (Tarjan), as the shortest loop through the component's
 * first file in sort order; `members` is the whole component. Type-only edges count: a type cycle still ties the
 * files' meaning together and blocks moving one without the other.
 */
export function importCycles(edges: readonly ImportEdge[]): { members: string[]; loop: ImportEdge[] }[] {
  const out = new Map<string, ImportEdge[]>();
  for (const e of edges) out.set(e.from, [...(out.get(e.from) ?? []), e]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let next = 0;
  const strong = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const { to } of out.get(v) ?? []) {
      if (!index.has(to)) {
        strong(to);
        low.set(v, Math.min(low.get(v)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(v, Math.min(low.get(v)!, index.get(to)!));
    }
    if (low.get(v) === index.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        comp.push(w);
      } while (w !== v);
      components.push(comp.sort());
    }
  };
  for (const v of [...out.keys()].sort()) if (!index.has(v)) strong(v);
  return components
    .filter((c) => c.length > 1 || (out.get(c[0]!) ?? []).some((e) => e.to === c[0]))
    .map((members) => ({ members, loop: shortestLoop(members[0]!, new Set(members), out) }))
    .sort((a, b) => a.members[0]!.localeCompare(b.members[0]!));
}

/** Breadth-first: the shortest path from `start` back to itself inside one component. */
function shortestLoop(
  start: string,
  inside: ReadonlySet<string>,
  out: ReadonlyMap<string, ImportEdge[]>,
): ImportEdge[] {
  const via = new Map<string, ImportEdge>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    for (const e of out.get(queue[i]!) ?? []) {
      if (!inside.has(e.to)) continue;
      if (e.to === start) {
        const loop = [e];
        for (let at = e.from; at !== start; at = via.get(at)!.from) loop.unshift(via.get(at)!);
        return loop;
      }
      if (!via.has(e.to)) {
        via.set(e.to, e);
        queue.push(e.to);
      }
    }
  }
  return [];
}
