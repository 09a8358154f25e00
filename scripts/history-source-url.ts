// Where a public-record event can be read: derived from the record's own source text by written rules, else by the
// curated phrases of data/curation.json. Used by build-history.ts; the events it cannot resolve are listed there.
import type { CurationEntry } from "../oracle-core/schemas";

type SourceUrlEntry = Extract<CurationEntry, { action: "source-url" }>;

/** Rules on the text itself, tried before any curated phrase: [pattern, URL from the match]. */
const RULES: [RegExp, (m: RegExpMatchArray) => string][] = [
  // "openai.com/pricing archived 2023-03-15" → the Wayback Machine's copy of that day
  [
    /\b([a-z0-9.-]+\.(?:com|ai)\/[\w\-/]+) archived (\d{4})-(\d{2})-(\d{2})/i,
    (m) => `https://web.archive.org/web/${m[2]}${m[3]}${m[4]}/https://${m[1]}`,
  ],
  // "anthropic.com/news/claude-3-family", "api-docs.deepseek.com"
  [
    /\b((?:[a-z0-9-]+\.)+(?:com|ai)(?:\/[\w\-/]+)?)/i,
    (m) => `https://${/^[^.]+\.(com|ai)/.test(m[1]!) ? "www." : ""}${m[1]}`,
  ],
  [/\blitellm(?: PR)? ?#(\d+)/i, (m) => `https://github.com/BerriAI/litellm/pull/${m[1]}`],
  [/\bpromptfoo PR #(\d+)/i, (m) => `https://github.com/promptfoo/promptfoo/pull/${m[1]}`],
  [/\blangfuse#(\d+)/i, (m) => `https://github.com/langfuse/langfuse/issues/${m[1]}`],
  [
    /\bgenai-prices (\w+)\.yml/i,
    (m) => `https://github.com/pydantic/genai-prices/blob/main/prices/providers/${m[1]}.yml`,
  ],
];

/**
 * The URL of the document a public-record source text names, or undefined when neither a rule nor a curated
 * phrase resolves it. Rules first (an address or numbered PR in the text), then the curated phrase found earliest.
 * @example sourceUrl("V3.2-Exp 50% cut (promptfoo PR #5787; litellm PR #18884)", []) // ".../promptfoo/pull/5787"
 */
export function sourceUrl(text: string, curation: readonly CurationEntry[]): string | undefined {
  let best: { at: number; url: string } | undefined;
  for (const [re, url] of RULES) {
    const m = text.match(re);
    if (m && (best === undefined || m.index! < best.at)) best = { at: m.index!, url: url(m) };
  }
  if (best) return best.url;
  const phrases = curation.filter((e): e is SourceUrlEntry => e.action === "source-url");
  for (const p of phrases) {
    const at = text.toLowerCase().indexOf(p.matches.toLowerCase());
    if (at >= 0 && (best === undefined || at < best.at)) best = { at, url: p.url };
  }
  return best?.url;
}
