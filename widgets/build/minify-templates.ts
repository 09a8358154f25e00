// Collapses whitespace inside Lit css`` and html`` templates at build time (the bundler's minifier
// leaves template text alone). CSS: comments and spaces around punctuation go; HTML: runs of
// whitespace become one space, and whitespace between tags goes (no <pre> in these templates).
import type { Plugin } from "vite";

const TEMPLATE = /\b(css|html)`((?:[^`\\$]|\\.|\$(?!\{)|\$\{(?:[^{}]|\{[^{}]*\})*\})*)`/g;

/** Minifies the text parts of one css`` template. */
export function minifyCss(s: string): string {
  return s
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\s+/g, " ")
    .replace(/\s*([{}:;,>!])\s*/g, "$1")
    .replace(/\[(\w+(?:-\w+)*)="([\w-]+)"\]/g, "[$1=$2]")
    .replace(/;}/g, "}")
    .trim();
}

/** Minifies the text parts of one html`` template (never touching ${…} expressions). */
export function minifyHtml(s: string): string {
  return s.replace(/\s+/g, " ");
}

// Only the literal text between expressions is rewritten.
function mapText(body: string, f: (s: string) => string): string {
  return body.replace(
    /((?:[^$]|\$(?!\{))*)(\$\{(?:[^{}]|\{[^{}]*\})*\})?/g,
    (_m, text: string, expr: string | undefined) => f(text) + (expr ?? ""),
  );
}

/** Vite plugin: minify Lit templates in the widgets' own TypeScript. */
export function minifyTemplates(): Plugin {
  return {
    name: "exostream-minify-templates",
    enforce: "pre",
    transform(code, id) {
      if (!/\/widgets\/[^/]+\.ts$/.test(id)) return null;
      return code.replace(TEMPLATE, (_m, tag: string, body: string) => {
        const min = mapText(body, tag === "css" ? minifyCss : minifyHtml);
        return `${tag}\`${tag === "html" ? min.replace(/^\s+|\s+$/g, "") : min}\``;
      });
    },
  };
}
