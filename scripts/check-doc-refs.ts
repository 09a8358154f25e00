// Every "MATH.md §n" and "SPEC §n" a source comment cites must name a section of docs/MATH.md or docs/SPEC.md: the
// repository documents its own math and contract, and a renumbered or missing section fails `npm test`.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

/** The section numbers a Markdown document's headings carry ("## 8. EICI" → "8", "### 8.4 Level" → "8.4"). */
export function sectionNumbers(markdown: string): Set<string> {
  const out = new Set<string>();
  for (const m of markdown.matchAll(/^#{2,4}\s+(\d+(?:\.\d+)*)\.?\s/gm)) out.add(m[1]!);
  return out;
}

/** A citation found in a source text: which document, which section, on which line. */
export interface DocRef {
  doc: "MATH" | "SPEC";
  section: string;
  line: number;
}

/**
 * Every "MATH.md §8.4", "MATH §5", "SPEC §4", "SPEC.md §6" in a text (ranges like "§8–11" cite their first section).
 */
export function docRefs(text: string): DocRef[] {
  const out: DocRef[] = [];
  text.split("\n").forEach((l, i) => {
    for (const m of l.matchAll(/\b(MATH|SPEC)(?:\.md)?,? ?§ ?(\d+(?:\.\d+)*)/g)) {
      out.push({ doc: m[1] as "MATH" | "SPEC", section: m[2]!, line: i + 1 });
    }
  });
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.dirname, "check-doc-refs.ts")) {
  const root = resolve(import.meta.dirname, "..");
  const docs = {
    MATH: sectionNumbers(readFileSync(resolve(root, "docs/MATH.md"), "utf8")),
    SPEC: sectionNumbers(readFileSync(resolve(root, "docs/SPEC.md"), "utf8")),
  };
  const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], {
    cwd: root,
    encoding: "utf8",
  })
    .split("\0")
    .filter((p) => /\.(m?ts|m?js)$/.test(p) && !p.includes("/dist/"));
  let refs = 0;
  let bad = 0;
  for (const f of files) {
    let text: string;
    try {
      text = readFileSync(resolve(root, f), "utf8");
    } catch {
      continue;
    }
    for (const r of docRefs(text)) {
      refs++;
      if (docs[r.doc].has(r.section)) continue;
      bad++;
      console.error(`${f}:${r.line}: cites ${r.doc} §${r.section}, which docs/${r.doc}.md does not have`);
    }
  }
  console.log(
    `doc references: ${refs} citations of docs/MATH.md and docs/SPEC.md in ${files.length} files, ${bad} broken`,
  );
  process.exit(bad ? 1 : 0);
}
