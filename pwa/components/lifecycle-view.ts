import { html, nothing, type TemplateResult } from "lit";
import { LIFECYCLE_MEANING, lifecycleNotes, retiredLast } from "../../api-core/lifecycle-note";
import type { GreekRow } from "../../oracle-core/schemas";

type Row = Pick<
  GreekRow,
  "ticker" | "display_name" | "lifecycle" | "listed_at" | "deprecated_at" | "retired_at" | "unquoted_since"
>;

/** What a model picker appends to a row's name: " (provisional)", " (retires 2027-01-15)", " (legacy)"… */
export function lifecycleSuffix(r: Row, valuationDate: string): string {
  const words = lifecycleNotes(r, valuationDate).map((n) => n.label);
  if (r.lifecycle == "legacy") words.unshift("legacy");
  return words.length ? ` (${words.join(", ")})` : "";
}

/**
 * The options of a model picker: every row labelled with its lifecycle, retired rows last and left out unless one is
 * the current choice (a retired model stays reachable by its ticker, e.g. #/model/GPT-4O, but is not offered).
 */
export function modelOptions(
  models: readonly Row[],
  valuationDate: string,
  current: string,
): Array<{ value: string; label: string }> {
  return retiredLast(models)
    .filter((m) => m.lifecycle != "retired" || m.ticker == current)
    .map((m) => ({ value: m.ticker, label: `${m.ticker} — ${m.display_name}${lifecycleSuffix(m, valuationDate)}` }));
}

/** A short mark beside a ticker in a list (provisional, retired…), nothing for an active row. */
export function lifecycleTag(r: Row | undefined, valuationDate: string): TemplateResult | string {
  const notes = r ? lifecycleNotes(r, valuationDate) : [];
  return notes.length
    ? html` ${notes.map((n) => html`<span class="tag" data-kind=${n.kind} title=${n.title}>${n.label}</span>`)}`
    : "";
}

/** The model page's lifecycle block: the state, its dates, what it means, and the unquoted flag. */
export function lifecycleBlock(r: Row, valuationDate: string): TemplateResult {
  const all: Array<[string, string | undefined]> = [
    ["Listed by the feed", r.listed_at],
    ["Deprecated", r.deprecated_at],
    [r.lifecycle == "retired" ? "Retired" : "Retires", r.retired_at],
    ["No healthy quote since", r.unquoted_since],
  ];
  const dates = all.filter((d): d is [string, string] => d[1] !== undefined);
  const notes = lifecycleNotes(r, valuationDate);
  // A notice (boxed) when there is something to watch: provisional, deprecated, retired or unquoted.
  return html`<section class=${notes.length ? "lifecycle notice" : "lifecycle"} data-testid="lifecycle">
    <h2>Lifecycle: ${r.lifecycle}</h2>
    <p>${r.display_name} is <strong>${r.lifecycle}</strong>: ${LIFECYCLE_MEANING[r.lifecycle]}.</p>
    ${dates.length ? html`<dl>${dates.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>` : nothing}
    ${notes.filter((n) => n.kind == "unquoted").map((n) => html`<p><strong>${n.label}</strong>: ${n.title}.</p>`)}
  </section>`;
}
