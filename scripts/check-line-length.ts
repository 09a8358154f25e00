// The line-length rule `npm test` checks after the formatter (Biome, lineWidth 120, biome.json): no source line over
// 120 characters, except where one string or template literal alone pushes it over — a URL, a test's name, an SQL
// statement, a Lit template row — which the formatter cannot break. Comments always wrap.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import ts from "typescript";

export const MAX_LINE = 120;

/** One line over the limit that no literal excuses: where, and how long. */
export interface LongLine {
  line: number;
  length: number;
  text: string;
}

/** The lines of a source text over {@link MAX_LINE} characters that are not excused by one string literal. */
export function longLines(text: string, max = MAX_LINE): LongLine[] {
  const lines = text.split("\n");
  const starts: number[] = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") starts.push(i + 1);
  // The longest literal piece on each line (a literal spanning lines counts on each line it touches, clipped).
  const longest = new Map<number, number>();
  const lineAt = (pos: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const note = (from: number, to: number) => {
    for (let l = lineAt(from); l <= lineAt(to); l++) {
      const a = Math.max(from, starts[l]!);
      const b = Math.min(to, starts[l]! + lines[l]!.length);
      longest.set(l, Math.max(longest.get(l) ?? 0, b - a));
    }
  };
  const sf = ts.createSourceFile("x.ts", text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const visit = (n: ts.Node): void => {
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isRegularExpressionLiteral(n)) {
      note(n.getStart(sf), n.getEnd());
    } else if (ts.isTemplateExpression(n)) {
      // A template with substitutions is one literal to the formatter too (a Lit `html` row, a report line).
      note(n.getStart(sf), n.getEnd());
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  const out: LongLine[] = [];
  lines.forEach((t, i) => {
    if (t.length > max && t.length - (longest.get(i) ?? 0) > max) out.push({ line: i + 1, length: t.length, text: t });
  });
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.dirname, "check-line-length.ts")) {
  const root = resolve(import.meta.dirname, "..");
  const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], {
    cwd: root,
    encoding: "utf8",
  })
    .split("\0")
    .filter((p) => /\.(m?ts|m?js)$/.test(p) && !p.endsWith(".d.ts") && !p.includes("/dist/"));
  let bad = 0;
  for (const f of files) {
    let text: string;
    try {
      text = readFileSync(resolve(root, f), "utf8");
    } catch {
      continue; // deleted in the working tree
    }
    for (const l of longLines(text)) {
      bad++;
      console.error(`${f}:${l.line}: ${l.length} characters (max ${MAX_LINE}): ${l.text.trim().slice(0, 80)}…`);
    }
  }
  console.log(`line length: ${files.length} files, ${bad} line(s) over ${MAX_LINE} not excused by a literal`);
  process.exit(bad ? 1 : 0);
}
