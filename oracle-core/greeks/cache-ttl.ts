import { OracleError } from "../errors";

/** A request's cache_ttl (the TTL its cache writes are billed at): "5m" (default) or "1h" (E_BAD_CACHE_WRITE). */
export function cacheTtl(t: unknown): "5m" | "1h" {
  if (t === undefined || t === "5m" || t === "1h") return t ?? "5m";
  throw new OracleError("E_BAD_CACHE_WRITE", `cache_ttl must be "5m" or "1h"; got ${JSON.stringify(t)}`, "cache_ttl");
}
