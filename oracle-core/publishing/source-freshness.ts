/** Days a source's bytes may stay unchanged, while another source's changed, before it is `frozen`. */
export const FROZEN_DAYS = 14;

export interface SourceBytesAge {
  id: string;
  /** When this source's bytes last differed from the previous fetch (ISO); null when unknown (never fetched). */
  changed_at: string | null;
}

/**
 * Sources whose bytes have not changed for FROZEN_DAYS while at least one other source's bytes did change in that
 * window: an upstream that moved elsewhere (genai-prices' v1 file stopped on 2026-07-25 when it moved to v2) still
 * serves valid JSON that silently stops moving. A frozen source loses its vote; when nothing changed anywhere (the
 * bundled archives, a quiet fortnight) nothing is frozen.
 * @example
 * frozenSources([{ id: "a", changed_at: "2026-07-25" }, { id: "b", changed_at: "2026-08-10" }], new Date("2026-08-12"))
 * // Set {"a"}
 */
export function frozenSources(ages: readonly SourceBytesAge[], now: Date, days = FROZEN_DAYS): Set<string> {
  const cutoff = now.getTime() - days * 86_400_000;
  const stale = (a: SourceBytesAge) => a.changed_at !== null && Date.parse(a.changed_at) <= cutoff;
  const moving = ages.filter((a) => a.changed_at !== null && Date.parse(a.changed_at) > cutoff);
  const out = new Set<string>();
  for (const a of ages) if (stale(a) && moving.some((m) => m.id !== a.id)) out.add(a.id);
  return out;
}
