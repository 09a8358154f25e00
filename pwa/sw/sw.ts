// The calculator's service worker: precaches the app shell (injected by the build), serves index.html for
// navigations to the app, and caches the large or per-model assets at run time on first use.
import { clientsClaim } from "workbox-core";
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from "workbox-precaching";
import { ExpirationPlugin } from "workbox-expiration";
import { NavigationRoute, registerRoute } from "workbox-routing";
import { CacheFirst, StaleWhileRevalidate } from "workbox-strategies";

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<{ url: string; revision: string | null }> };

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// First install takes control at once (the page works offline after one visit); an update waits for the
// page's "reload" prompt, which posts SKIP_WAITING.
clientsClaim();
self.addEventListener("message", (e) => {
  if ((e.data as { type?: unknown } | null)?.type === "SKIP_WAITING") void self.skipWaiting();
});

// The app uses hash routes, so only the root is an app navigation; /v1, /widgets, /embed… go to the network.
registerRoute(new NavigationRoute(createHandlerBoundToURL("/index.html"), { allowlist: [/^\/$/, /^\/index\.html$/] }));

const only200 = {
  cacheWillUpdate: async ({ response }: { response: Response }) => (response.status === 200 ? response : null),
};

// Tokenizer vocabularies (0.7–14 MB each, one per provider): fetched only when a prompt is counted for that provider,
// then served from cache, offline too. The worker reads the body as a stream for its download progress.
// (exo-tokenizers held tiktoken's WASM and JSON ranks before the engine replaced them: dropped.)
void caches.delete("exo-tokenizers");
registerRoute(
  ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith("/tokenizers/"),
  new CacheFirst({ cacheName: "exo-tokenizers-v2", plugins: [only200, new ExpirationPlugin({ maxEntries: 8 })] }),
);

// Model history (JSON): shown from cache at once, refreshed in the background; lets a visited model work offline.
// CSV asked for by Accept header shares the URL, so it is left to the network.
registerRoute(
  ({ url, sameOrigin, request }) =>
    sameOrigin &&
    url.pathname.startsWith("/v1/history/") &&
    !(request.headers.get("accept") ?? "").includes("text/csv"),
  new StaleWhileRevalidate({ cacheName: "exo-history", plugins: [only200, new ExpirationPlugin({ maxEntries: 120 })] }),
);
