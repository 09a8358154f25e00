// Generates custom-elements.json (schema 2.0.0) from the elements' JSDoc: @tag, @attr, @csspart,
// @cssproperty, @fires. Run by vite.widgets.ts on every build; the browser tests check it is current.
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import ts from "typescript";

interface Named {
  name: string;
  description: string;
}

function text(c: string | ts.NodeArray<ts.JSDocComment> | undefined): string {
  if (c === undefined) return "";
  return typeof c === "string" ? c : c.map((x) => x.text).join("");
}

function named(tag: ts.JSDocTag): Named & { type?: string } {
  // "@attr {"a" | "b"} name - description": the optional {type} is the attribute's value type.
  const m = /^(?:\{([^}]*)\}\s*)?(\S+)\s*(?:-\s*)?([\s\S]*)$/.exec(text(tag.comment).trim());
  const out = { name: m?.[2] ?? "", description: (m?.[3] ?? "").replace(/\s+/g, " ").trim() };
  return m?.[1] ? { ...out, type: m[1].trim() } : out;
}

/** The manifest for every `exo-*.ts` element module in `dir` (the widgets folder). */
export function customElementsManifest(dir: string): object {
  const modules = [];
  for (const file of readdirSync(dir)
    .filter((f) => /^exo-.*\.ts$/.test(f) && f !== "exo-element.ts")
    .sort()) {
    const src = ts.createSourceFile(file, readFileSync(resolve(dir, file), "utf8"), ts.ScriptTarget.ES2022, true);
    const declarations = [];
    const exports = [];
    for (const st of src.statements) {
      if (!ts.isClassDeclaration(st) || !st.name) continue;
      const docs = ts.getJSDocCommentsAndTags(st).filter(ts.isJSDoc);
      const tags = docs.flatMap((d) => [...(d.tags ?? [])]);
      const tagName = tags.find((t) => t.tagName.text === "tag");
      if (!tagName) continue;
      const by = (k: string) => tags.filter((t) => t.tagName.text === k).map(named);
      const name = st.name.text;
      const tag = text(tagName.comment).trim();
      declarations.push({
        kind: "class",
        name,
        tagName: tag,
        customElement: true,
        description: docs
          .map((d) => text(d.comment))
          .join("\n")
          .trim(),
        superclass: { name: "ExoElement", module: "exo-element.ts" },
        attributes: by("attr").map(({ type, ...a }) => ({ ...a, type: { text: type ?? "string" } })),
        events: by("fires"),
        cssParts: by("csspart"),
        cssProperties: by("cssproperty"),
      });
      exports.push({ kind: "js", name, declaration: { name, module: file } });
      exports.push({ kind: "custom-element-definition", name: tag, declaration: { name, module: file } });
    }
    if (declarations.length > 0) modules.push({ kind: "javascript-module", path: file, declarations, exports });
  }
  return { schemaVersion: "2.0.0", readme: "README.md", modules };
}
