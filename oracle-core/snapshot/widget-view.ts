// The widgets' signed view of a snapshot (issue 11 item 7): the few fields the light widgets read, one array per
// field with a value per ticker, signed with the snapshot's key in the same DSSE envelope under its own
// payloadType (a view can never pass for a full snapshot, nor the reverse).
//
// One view for every ticker, not one per ticker (bench/scale.ts): 5.3 KB gzip at today's 89 tickers (60 B each),
// 12.1 KB at the bench's 400 (copies compress well; ~24 KB for 400 distinct rows), with a single signature and one
// KV write per publish. Per-ticker views would be 400 signatures and 400 KV writes per publish (KV bills and
// rate-limits writes) to save a one-ticker page those kilobytes, and a page showing several tickers would fetch and
// verify each; the one view keeps a one-ticker page at 400 models near 25 KB against the 40 KB budget.
import type { GreekRow } from "../schemas/greek-row";
import type { SnapshotPayload } from "../schemas/snapshot";
import { signDsse } from "./dsse-sign";
import type { DsseEnvelope } from "./dsse";
import type { Signer } from "./keys";
import { malformed } from "./shape";
import { parseSnapshotHeader } from "./snapshot-header";
import { verifySnapshot, type VerifiedSnapshot, type VerifyOptions } from "./snapshot-verify";

/** payloadType of the widgets' view (the snapshot's is PAYLOAD_TYPE). */
export const WIDGET_VIEW_PAYLOAD_TYPE = "application/vnd.exostream.widget-view+json; version=1";

/** A row as the widget view carries it: the fields of a Greek-sheet row that the light widgets read. */
export type WidgetRow = Pick<
  GreekRow,
  "ticker" | "display_name" | "provider" | "lifecycle" | "status" | "beta" | "prices" | "forwards" | "last_change"
> &
  Pick<GreekRow, "pending" | "listed_at" | "deprecated_at" | "retired_at" | "unquoted_since">;

/** The header the view copies from its snapshot. */
type ViewHeader = Pick<
  SnapshotPayload,
  | "version"
  | "issued_at"
  | "expires_at"
  | "heartbeat_s"
  | "keyset_version"
  | "methodology_version"
  | "mode"
  | "data_as_of"
  | "valuation_date"
>;

/** The signed payload: the snapshot's header, its sha256, and one array per field, a value per ticker. */
export interface WidgetViewPayload extends ViewHeader {
  /** Hex SHA-256 of the snapshot payload this view was cut from (the next snapshot's prev_sha256). */
  snapshot_sha256: string;
  columns: Record<string, unknown[]>;
}

/** The view as a widget reads it: the header and rows shaped like (a subset of) the snapshot's. */
export interface WidgetView extends ViewHeader {
  snapshot_sha256: string;
  models: WidgetRow[];
}

const PRICES = ["input", "output", "cache_read", "cache_write_5m", "cache_write_1h", "thinking"] as const;
const TENORS = ["1M", "3M", "6M", "12M"] as const;
const DATES = ["listed_at", "deprecated_at", "retired_at", "unquoted_since"] as const;
const TEXT = ["ticker", "display_name", "provider", "lifecycle", "status"] as const;

/** Column names; a reader looks columns up by name, so a later feed can add one. */
export const WIDGET_VIEW_FIELDS: readonly string[] = [
  ...TEXT,
  "beta",
  ...PRICES,
  ...TENORS.map((t) => `fwd_${t}`),
  "last_change",
  "pending",
  ...DATES,
];

/**
 * Cuts the widget view from a snapshot payload (the feed does this right after signing the snapshot). Columns, not
 * rows: like values sit together and compress better (at 89 tickers 56 B gzip per ticker against 61 as rows).
 * @example signWidgetView(widgetView(payload, await payloadSha256(envelope)), signer)
 */
export function widgetView(payload: SnapshotPayload, snapshotSha256: string): WidgetViewPayload {
  const { version, issued_at, expires_at, heartbeat_s, keyset_version, methodology_version, mode } = payload;
  const ms = payload.models;
  const column = (f: (m: GreekRow) => unknown) => ms.map(f);
  return {
    version,
    issued_at,
    expires_at,
    heartbeat_s,
    keyset_version,
    methodology_version,
    mode,
    data_as_of: payload.data_as_of,
    valuation_date: payload.valuation_date,
    snapshot_sha256: snapshotSha256,
    columns: {
      ...Object.fromEntries(TEXT.map((k) => [k, column((m) => m[k])])),
      beta: column((m) => m.beta),
      ...Object.fromEntries(PRICES.map((k) => [k, column((m) => m.prices[k])])),
      ...Object.fromEntries(TENORS.map((t) => [`fwd_${t}`, column((m) => m.forwards[t])])),
      // [field, from, to, effective_at]: an object with its keys on every row was a sixth of the view's bytes.
      last_change: column(
        (m) => m.last_change && [m.last_change.field, m.last_change.from, m.last_change.to, m.last_change.effective_at],
      ),
      pending: column((m) => m.pending),
      ...Object.fromEntries(DATES.map((k) => [k, column((m) => m[k] ?? null)])),
    },
  };
}

/**
 * Reads a verified view payload into rows. The feed cut it from a schema-checked snapshot: like the widgets' snapshot
 * guard, this only keeps a signed-but-odd view from crashing a render (every byte here is in the 12 KB a ticker page
 * downloads). A β that is not a number, or columns of another length, throw E_MALFORMED; a missing column throws a
 * TypeError, which verifyWidgetView reports as E_MALFORMED too.
 */
export function readWidgetView(json: Record<string, unknown>): WidgetView {
  const { columns, ...header } = json;
  const c = columns as Record<string, unknown[]>;
  const t = c.ticker!;
  if (!c.beta!.every(Number.isFinite) || WIDGET_VIEW_FIELDS.some((f) => c[f]!.length != t.length))
    return malformed("widget view", "columns", "uneven, or a β is not a number");
  const models = t.map((_, i) => {
    const at = (f: string) => c[f]![i];
    const lc = at("last_change") as [string, number | null, number, string] | null;
    const row = {
      ...Object.fromEntries(TEXT.map((k) => [k, at(k)])),
      beta: at("beta"),
      prices: Object.fromEntries(PRICES.map((k) => [k, at(k)])),
      forwards: Object.fromEntries(TENORS.map((k) => [k, at(`fwd_${k}`)])),
      last_change: lc && { field: lc[0], from: lc[1], to: lc[2], effective_at: lc[3] },
      pending: at("pending"),
    } as WidgetRow;
    for (const k of DATES) if (at(k)) row[k] = at(k) as string;
    return row;
  });
  return { ...(header as unknown as ViewHeader & { snapshot_sha256: string }), models };
}

/** Signs a widget view (one signature per signer, as a snapshot during a key rotation). */
export function signWidgetView(view: WidgetViewPayload, signer: Signer | ReadonlyArray<Signer>): Promise<DsseEnvelope> {
  parseSnapshotHeader(view);
  return signDsse(WIDGET_VIEW_PAYLOAD_TYPE, view, Array.isArray(signer) ? signer : [signer as Signer]);
}

/**
 * Verifies a view exactly as verifySnapshot verifies a snapshot (keys, signatures, expiry, rollback against the
 * view's own stored version), then reads its rows. The same error codes: a tampered view is E_SIG_INVALID.
 * @example const v = await verifyWidgetView(await res.json(), { keys, now: Date.now() })
 */
export function verifyWidgetView(
  envelope: unknown,
  opts: Omit<VerifyOptions<WidgetView>, "parsePayload" | "payloadType">,
): Promise<VerifiedSnapshot<WidgetView>> {
  return verifySnapshot(envelope, { ...opts, payloadType: WIDGET_VIEW_PAYLOAD_TYPE, parsePayload: readWidgetView });
}
