import { ApiError } from "../../api-core";

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** True for hosts a public service must not call: loopback, private, link-local and unique-local addresses, internal names. */
export function isPrivateHost(hostname: string): boolean {
  const h = hostname.toLowerCase();
  if (LOOPBACK_HOSTS.has(h) || h.endsWith(".localhost") || h.endsWith(".local") || h.endsWith(".internal")) return true;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return a === 0 || a === 10 || a === 127 || (a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || a >= 224;
  }
  if (h.startsWith("[")) return h === "[::]" || h.startsWith("[fc") || h.startsWith("[fd") || h.startsWith("[fe8") || h.startsWith("[::ffff:");
  return false;
}

/**
 * A subscriber URL the feed may POST to: https on a public host. Outside production, http to loopback is allowed too
 * (local receivers in development and tests). No credentials in the URL: the signature authenticates us to them.
 */
export function checkWebhookUrl(raw: string, environment: string | undefined): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ApiError(400, "E_BAD_URL", "url must be an absolute URL", "url");
  }
  if (url.username || url.password) throw new ApiError(400, "E_BAD_URL", "url must not contain credentials; verify our signature instead", "url");
  const local = environment !== "production" && LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol === "http:" && local) return url;
  if (url.protocol !== "https:") throw new ApiError(400, "E_BAD_URL", "url must use https", "url");
  if (!local && isPrivateHost(url.hostname)) throw new ApiError(400, "E_BAD_URL", "url must be on a public host", "url");
  return url;
}
