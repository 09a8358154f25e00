import { Workbox } from "workbox-window";

/**
 * Registers the service worker after the page has loaded and reports a waiting update: `onUpdate(apply)` is
 * called when a new version is installed; `apply()` activates it and reloads once it controls the page.
 */
export function registerServiceWorker(onUpdate: (apply: () => void) => void): void {
  if (!("serviceWorker" in navigator) || import.meta.env.DEV) return;
  const wb = new Workbox("/sw.js", { scope: "/" });
  wb.addEventListener("waiting", () => {
    onUpdate(() => {
      wb.addEventListener("controlling", () => location.reload());
      wb.messageSkipWaiting();
    });
  });
  const go = () => {
    void wb.register();
    // Check for a new version every hour while the app stays open.
    setInterval(() => void wb.update(), 60 * 60_000);
  };
  if (document.readyState === "complete") go();
  else addEventListener("load", go, { once: true });
}
