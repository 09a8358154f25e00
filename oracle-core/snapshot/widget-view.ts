// The widgets' signed view of a snapshot (issue 11 item 7): the few fields the light widgets read, one array per
// field with a value per ticker, signed with the snapshot's key in the same DSSE envelope under its own
// payloadType (a view can never pass for a full snapshot, nor the reverse).
//
// One view for every ticker, not one per ticker: at 400 models it is ~12–22 KB gzip (synthetic copies – distinct
// rows), a single signature and one KV write per publish; per-ticker views would be 400 signatures and 400 KV
// writes per publish (KV bills and rate-limits writes) to save a page at most those kilobytes, and a page showing
// several tickers would fetch and verify each.
import type { GreekRow } from "../schemas/greek-row";
import type { SnapshotPayload } from "../schemas/snapshot";
import { signDsse } from "./dsse-sign";
import type { DsseEnvelope } from "./dsse";
import type { Signer } from "./keys";
import { isRecord, isStr, malformed } from "./shape";
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
const NUMBERS = ["beta", "input", "output", ...TENORS.map((t) => `fwd_${t}`)];

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

const num = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/**
 * Reads a verified view payload into rows; E_MALFORMED naming the first bad field. Checks what a render relies on
 * (strings, finite prices); the feed built it from a schema-checked snapshot.
 */
export function readWidgetView(json: Record<string, unknown>): WidgetView {
  const bad = (field: string, why: string) => malformed("widget view", field, why);
  const { columns, snapshot_sha256 } = json;
  if (!isRecord(columns)) return bad("columns", "expected an object of arrays");
  if (!isStr(snapshot_sha256, /^[0-9a-f]{64}$/)) return bad("snapshot_sha256", "must be 64 lower-case hex digits");
  for (const k of ["mode", "data_as_of", "valuation_date"]) if (!isStr(json[k])) bad(k, "must be a string");
  const n = Array.isArray(columns.ticker) ? columns.ticker.length : 0;
  for (const f of WIDGET_VIEW_FIELDS)
    if (!Array.isArray(columns[f]) || columns[f].length !== n) bad(`columns.${f}`, `expected ${n} values`);
  const models = Array.from({ length: n }, (_, i): WidgetRow => {
    const at = (f: string) => (columns[f] as unknown[])[i];
    const where = (f: string) => `columns.${f}.${i}`;
    for (const k of TEXT) if (!isStr(at(k), undefined, 1)) bad(where(k), "must be a non-empty string");
    for (const k of NUMBERS) if (!num(at(k))) bad(where(k), "must be a finite number");
    for (const k of PRICES) if (at(k) !== null && !num(at(k))) bad(where(k), "must be a finite number or null");
    if (at("pending") !== null && !isRecord(at("pending"))) bad(where("pending"), "must be an object or null");
    const lc = at("last_change") as unknown[] | null;
    if (lc !== null && !(Array.isArray(lc) && lc.length == 4 && isStr(lc[0]) && num(lc[2]) && isStr(lc[3])))
      bad(where("last_change"), "must be [field, from, to, effective_at] or null");
    const row = {
      ...Object.fromEntries(TEXT.map((k) => [k, at(k)])),
      beta: at("beta"),
      prices: Object.fromEntries(PRICES.map((k) => [k, at(k)])),
      forwards: Object.fromEntries(TENORS.map((t) => [t, at(`fwd_${t}`)])),
      last_change: lc && { field: lc[0], from: lc[1], to: lc[2], effective_at: lc[3] },
      pending: at("pending"),
    } as WidgetRow;
    for (const k of DATES) if (isStr(at(k))) row[k] = at(k) as string;
    return row;
  });
  const h = json as unknown as ViewHeader;
  const { version, issued_at, expires_at, heartbeat_s, keyset_version, methodology_version, mode } = h;
  const header = { version, issued_at, expires_at, heartbeat_s, keyset_version, methodology_version, mode };
  return { ...header, data_as_of: h.data_as_of, valuation_date: h.valuation_date, snapshot_sha256, models };
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
