import { ApiError } from "../../api-core";
import { isSpecialHost } from "./special-addresses";

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** True for hosts a public service must not call (special-purpose addresses, internal names). */
export function isPrivateHost(hostname: string): boolean {
  return isSpecialHost(hostname);
}

/**
 * A subscriber URL the feed may POST to: https on a public host, normalised (lower case, IDNA, no trailing dot).
 * Outside production, http to loopback is allowed too (local receivers in development and tests). No credentials in
 * the URL: the signature authenticates us to them. The policy is checked again before every delivery.
 */
export function checkWebhookUrl(raw: string, environment: string | undefined): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ApiError(400, "E_BAD_URL", "url must be an absolute URL", "url");
  }
  if (url.username || url.password)
    throw new ApiError(400, "E_BAD_URL", "url must not contain credentials; verify our signature instead", "url");
  // WHATWG URL has lower-cased, IDNA-mapped and IPv4-normalised the host; a trailing dot names the same host.
  if (url.hostname.endsWith(".")) url.hostname = url.hostname.replace(/\.+$/, "");
  const local = environment !== "production" && LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol === "http:" && local) return url;
  if (url.protocol !== "https:") throw new ApiError(400, "E_BAD_URL", "url must use https", "url");
  if (!local && isPrivateHost(url.hostname))
    throw new ApiError(400, "E_BAD_URL", "url must be on a public host", "url");
  return url;
}
