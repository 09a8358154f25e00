import { readFileSync } from "node:fs";
import { resolve } from "node:path";

/** One rule of a `_headers` file: a path pattern (`*` matches any run of characters) and its headers. */
interface Rule {
  pattern: RegExp;
  headers: [string, string][];
}

const FILE = resolve(import.meta.dirname, "../feed-worker/public/_headers");

/** Parses Cloudflare's `_headers` format: a path line, then indented `Name: value` lines; `#` starts a comment. */
export function parseHeadersFile(text: string): Rule[] {
  const rules: Rule[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "" || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      const re = line
        .trim()
        .replace(/[.+?^${}()|[\]\\]/g, "\\$&")
        .replace(/\*/g, ".*");
      rules.push({ pattern: new RegExp(`^${re}$`), headers: [] });
      continue;
    }
    const i = line.indexOf(":");
    rules.at(-1)?.headers.push([line.slice(0, i).trim(), line.slice(i + 1).trim()]);
  }
  return rules;
}

let rules: Rule[] | null = null;

/** The headers feed-worker/public/_headers gives a static asset path (later rules add to earlier ones). */
export function assetHeaders(pathname: string): Record<string, string> {
  rules ??= parseHeadersFile(readFileSync(FILE, "utf8"));
  const out: Record<string, string> = {};
  for (const r of rules) if (r.pattern.test(pathname)) for (const [k, v] of r.headers) out[k] = v;
  return out;
}
