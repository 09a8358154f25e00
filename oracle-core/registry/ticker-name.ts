/**
 * The naming rule a listed model's ticker comes from (issue 11, listing): one ticker per model, whatever id a
 * source spells it with. Deterministic; curated exceptions are the alias table (data/curation.json `ticker-alias`).
 *
 * 1. Lower-case; drop a source's provider prefix (`anthropic:`, `x-ai/`, `openai/`…).
 * 2. An id in the alias table gives its ticker at once (Mistral's `mistral-large-2512` is Mistral Large 3).
 * 3. Drop snapshot suffixes: `-latest`, `-preview`, `-exp`, `-instruct`, `-reasoning`, `-non-reasoning`, `-001`,
 *    a date (`-20250929`, `-2024-04-09`) and, except for Mistral (whose `-2508` is the version), `-MMDD` (`-0613`).
 * 4. Anthropic: `claude-<line>-<version>` or `claude-<version>-<line>` → `<LINE>-<version>`, `.0` dropped.
 * 5. Digit-only segments after a number join with a dot (`grok-4-1-fast` → `grok-4.1-fast`); upper-case.
 * @example tickerFromId("anthropic:claude-sonnet-4-5-20250929", "anthropic") // "SONNET-4.5"
 */
export function tickerFromId(id: string, provider: string, aliases: ReadonlyMap<string, string> = new Map()): string {
  let s = id.toLowerCase().replace(/^.*[:/]/, "");
  const alias = aliases.get(s);
  if (alias) return alias;
  const suffix =
    provider === "mistral"
      ? /-(latest|preview|exp|instruct|reasoning|non-reasoning|00\d|\d{8}|\d{4}-\d{2}-\d{2})$/
      : /-(latest|preview|exp|instruct|reasoning|non-reasoning|00\d|\d{8}|\d{4}-\d{2}-\d{2}|[01]\d[0-3]\d)$/;
  for (let prev = ""; prev !== s; ) {
    prev = s;
    s = s.replace(suffix, "");
  }
  const claude = /^claude-(?:(opus|sonnet|haiku|fable)-([\d.-]+)|([\d.-]+)-(opus|sonnet|haiku|fable))$/.exec(s);
  if (claude) {
    const line = claude[1] ?? claude[4]!;
    const version = (claude[2] ?? claude[3]!).replace(/-/g, ".").replace(/\.0$/, "");
    return `${line}-${version}`.toUpperCase();
  }
  const parts = s.split("-");
  const out: string[] = [];
  for (const p of parts) {
    const last = out.at(-1);
    if (last !== undefined && /^\d+$/.test(p) && /\d$/.test(last)) out[out.length - 1] = `${last}.${p}`;
    else out.push(p);
  }
  return out.join("-").toUpperCase();
}
