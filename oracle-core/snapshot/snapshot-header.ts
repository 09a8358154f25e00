import { OracleError } from "../errors";
import { isIntAtLeast, isRecord, isStr, malformed } from "./shape";

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?Z$/;

/** Milliseconds of a UTC instant "YYYY-MM-DDTHH:MM:SS[.mmm]Z" (what Date#toISOString gives); undefined if not one. */
export function instantMs(s: string): number | undefined {
  if (!INSTANT.test(s)) return undefined;
  const ms = Date.parse(s);
  if (!Number.isFinite(ms)) return undefined;
  // Round-trip rejects impossible dates such as Feb 30 that some engines roll over.
  const iso = new Date(ms).toISOString();
  return iso === s || iso.replace(".000Z", "Z") === s ? ms : undefined;
}

/** The verifier's view of a snapshot payload (snapshotHeaderSchema in snapshot-header-schema.ts as a type). */
export interface SnapshotHeader {
  version: number;
  issued_at: string;
  expires_at: string;
  heartbeat_s: number;
  [k: string]: unknown;
}

const INSTANT_MSG = "must be a UTC instant like 2026-07-01T12:00:00Z";

/**
 * Parses the header fields (the rules of snapshotHeaderSchema), with times in ms; E_MALFORMED naming the field at
 * fault.
 */
export function parseSnapshotHeader(value: unknown): SnapshotHeader & { issuedMs: number; expiresMs: number } {
  const bad = (field: string, why: string) => malformed("snapshot payload", field, why);
  if (!isRecord(value)) return bad("", "expected an object");
  const { version, issued_at, expires_at, heartbeat_s } = value;
  if (!isIntAtLeast(version, 0)) return bad("version", "must be a non-negative integer");
  if (!isStr(issued_at)) return bad("issued_at", INSTANT_MSG);
  const issuedMs = instantMs(issued_at);
  if (issuedMs === undefined) return bad("issued_at", INSTANT_MSG);
  if (!isStr(expires_at)) return bad("expires_at", INSTANT_MSG);
  const expiresMs = instantMs(expires_at);
  if (expiresMs === undefined) return bad("expires_at", INSTANT_MSG);
  if (!isIntAtLeast(heartbeat_s, 1)) return bad("heartbeat_s", "must be a positive integer");
  if (expiresMs <= issuedMs)
    throw new OracleError("E_MALFORMED", "snapshot expires_at must be after issued_at", "expires_at");
  return { ...value, version, issued_at, expires_at, heartbeat_s, issuedMs, expiresMs };
}
