// Unsigned feed API reads (history, index history): shared per page, undefined when unavailable.
// Widgets label what comes from here; only the snapshot is signed.

type Shared = Record<string, Promise<unknown>>;

/** GET `url` as JSON once per page (any number of widgets, any copy of the script); undefined on any failure. */
export function feedJson(url: string): Promise<unknown> {
  const g = globalThis as { __exostreamFetch?: Shared };
  const shared = (g.__exostreamFetch ??= {});
  return (shared[url] ??= fetch(url, { credentials: "omit" })
    .then((r) => (r.ok ? r.json() : undefined))
    .catch(() => undefined));
}

/** The array a feed list endpoint returns: the body itself, or its `data` / `observations` / `history` field. */
export function listOf(body: unknown): unknown[] {
  if (Array.isArray(body)) return body;
  const o = (body ?? {}) as Record<string, unknown>;
  const v = o.data ?? o.observations ?? o.history;
  return Array.isArray(v) ? v : [];
}
