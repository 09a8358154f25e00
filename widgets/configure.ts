// Page-wide settings for the elements, for apps that import them from npm: there the script's own origin is the app,
// not the feed, so the feed URL (and the keys to pin) come from here, from an element's attributes, or from <meta>.

/** What `configure()` accepts. */
export interface WidgetsConfig {
  /** Feed origin, e.g. "https://feed.exostream.dev" (an element's `feed` attribute still wins). */
  feed?: string | undefined;
  /** Root public keys to pin (base64 raw Ed25519), as `<meta name="exostream-pin">` would. */
  pins?: readonly string[] | undefined;
}

let config: WidgetsConfig = {};

/**
 * Sets the feed and pinned keys for every element on the page. Call it once, before or right after the imports that
 * define the elements (elements read it when they first connect, in a microtask). Later calls replace earlier ones.
 * @example configure({ feed: "https://feed.example.com", pins: ["<base64 root public key>"] })
 */
export function configure(c: WidgetsConfig): void {
  config = { feed: c.feed, pins: c.pins ? [...c.pins] : undefined };
}

/** The settings from the last `configure()` call (empty when never called). */
export function configuration(): Readonly<WidgetsConfig> {
  return config;
}
