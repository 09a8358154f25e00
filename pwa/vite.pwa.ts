// Builds the offline calculator into dist/public (served by the feed worker at the root of its origin):
//   index.html, assets/*.js|css (app shell, pages, the comlink worker), sw.js (Workbox, injectManifest),
//   manifest.webmanifest, icons/*.png.
// Other builds write dist/public too (widgets/, embed/, data/, tokenizers/): never empty the folder, only
// clear what this build owns, and precache only this build's files.
import { rmSync } from "node:fs";
import { resolve } from "node:path";
import { defineConfig, type Plugin } from "vite";
import { VitePWA } from "vite-plugin-pwa";

const here = import.meta.dirname;
// EXOSTREAM_PWA_OUT lets the browser tests build into a private folder (other builds may rewrite dist/public
// meanwhile).
const out = resolve(process.env.EXOSTREAM_PWA_OUT ?? resolve(here, "../dist/public"));

function cleanOwnOutput(): Plugin {
  return {
    name: "exostream-pwa-clean",
    apply: "build",
    buildStart() {
      for (const p of ["assets", "icons", "sw.js", "sw.js.map", "manifest.webmanifest", "index.html"])
        rmSync(resolve(out, p), { recursive: true, force: true });
    },
  };
}

// The root package.json says "sideEffects": false (true of oracle-core), but the app's own modules register
// custom elements and styles for their effect. Vite's resolver applies the package flag, and only a transform
// result outranks it.
function keepSideEffects(): Plugin {
  return {
    name: "exostream-pwa-side-effects",
    transform(code, id) {
      if (id.startsWith(here + "/") && !id.includes("/node_modules/"))
        return { code, map: null, moduleSideEffects: true };
      return null;
    },
  };
}

export default defineConfig({
  root: here,
  base: "/",
  publicDir: resolve(here, "public"),
  logLevel: "warn",
  build: {
    outDir: out,
    emptyOutDir: false,
    target: "es2022",
    assetsDir: "assets",
    reportCompressedSize: false,
    modulePreload: { polyfill: false },
  },
  worker: { format: "es", plugins: () => [keepSideEffects()] },
  plugins: [
    cleanOwnOutput(),
    keepSideEffects(),
    VitePWA({
      strategies: "injectManifest",
      srcDir: "sw",
      filename: "sw.ts",
      injectRegister: false,
      manifest: false,
      injectManifest: {
        globDirectory: out,
        // The app shell only: tokenizer files and history are cached at run time (sw/sw.ts).
        globPatterns: ["index.html", "assets/**/*.{js,css}", "icons/*.png", "manifest.webmanifest"],
        maximumFileSizeToCacheInBytes: 512 * 1024,
      },
    }),
  ],
});
