// Builds the widgets into dist/public (served by the feed worker on its own origin):
//   widgets/exostream-widgets.js   the loader (Lit, verifier, snapshot client) — the one script a page includes
//   widgets/chunks/*.js            one chunk per element, uPlot, the Ed25519 fallback — loaded on demand
//   widgets/exostream-embed.js     the parent-page helper for iframe embeds
//   widgets/embed-frame.js         the script of the /embed/<widget> pages
//   widgets/exostream-widgets.css  the :not(:defined) space reservation (embed.css: the embed pages' frame)
//   widgets/demos/*.html, embed/*.html, widgets/custom-elements.json
// No inline scripts or styles anywhere. Only widgets/ and embed/ are cleaned: others write dist/public too.
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { defineConfig, type Plugin } from "vite";
import { customElementsManifest } from "./build/custom-elements-manifest";
import { minifyTemplates } from "./build/minify-templates";

const here = import.meta.dirname;
const out = resolve(here, "../dist/public");

function staticFiles(): Plugin {
  return {
    name: "exostream-widgets-static",
    buildStart() {
      rmSync(resolve(out, "widgets"), { recursive: true, force: true });
      rmSync(resolve(out, "embed"), { recursive: true, force: true });
    },
    generateBundle() {
      const emit = (fileName: string, source: string) => this.emitFile({ type: "asset", fileName, source });
      for (const f of readdirSync(resolve(here, "demos")))
        emit(`widgets/demos/${f}`, readFileSync(resolve(here, "demos", f), "utf8"));
      for (const f of readdirSync(resolve(here, "embed")))
        emit(`embed/${f}`, readFileSync(resolve(here, "embed", f), "utf8"));
      for (const f of ["exostream-widgets.css", "embed.css"])
        emit(`widgets/${f}`, readFileSync(resolve(here, f), "utf8"));
      const manifest = JSON.stringify(customElementsManifest(here), null, 2) + "\n";
      writeFileSync(resolve(here, "custom-elements.json"), manifest);
      emit("widgets/custom-elements.json", manifest);
    },
  };
}

export default defineConfig({
  root: here,
  publicDir: false,
  logLevel: "warn",
  plugins: [minifyTemplates(), staticFiles()],
  // Always Lit's production build, even when the build is spawned from a test run (NODE_ENV=test
  // would otherwise select its "development" export: debug hooks and warnings, +2.5 KB gzipped).
  resolve: { conditions: ["module", "browser", "production"] },
  build: {
    outDir: out,
    emptyOutDir: false,
    target: "es2022",
    modulePreload: false,
    copyPublicDir: false,
    reportCompressedSize: false,
    minify: true,
    // Library mode: no Vite preload helper around dynamic imports (the chunks have no CSS to preload).
    lib: {
      entry: {
        "exostream-widgets": resolve(here, "exostream-widgets.ts"),
        "exostream-embed": resolve(here, "exostream-embed.ts"),
        "embed-frame": resolve(here, "embed-frame.ts"),
      },
      formats: ["es"],
    },
    rolldownOptions: {
      // The loader may export more than its own signature, so element chunks import Lit and the base from it.
      preserveEntrySignatures: "allow-extension",
      output: {
        // Vite keeps whitespace in library ES output; these files are served as is, so minify fully.
        minify: true,
        // uPlot and the chart base travel together: a chart page downloads loader + this + its element.
        codeSplitting: {
          includeDependenciesRecursively: false,
          groups: [{ name: "chart", test: /uplot|chart-base|chart-styles|history-client|history-rows/ }],
        },
        entryFileNames: "widgets/[name].js",
        chunkFileNames: "widgets/chunks/[name]-[hash].js",
        assetFileNames: "widgets/assets/[name]-[hash][extname]",
      },
    },
  },
});
