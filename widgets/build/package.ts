// Builds the npm package @exostream/widgets into packages/widgets/dist from the sources in widgets/:
//   dist/index.js              configure() and every element; dist/<element>.js one element each (ticker, …);
//                              dist/configure.js configure() alone (no element)
//   dist/chunks/*.js           code the entries share (the base, the verifier, the chart base)
//   dist/types/**.d.ts         declarations (with each element's HTMLElementTagNameMap entry)
//   dist/react.d.ts, preact.d.ts   JSX typings generated from custom-elements.json
//   custom-elements.json       the manifest, its module paths pointing at dist/
// Lit, uPlot and @noble/ed25519 stay dependencies (external), so an app bundles one copy of each.
// Run from the repository root: `npx tsx widgets/build/package.ts`.
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { build } from "vite";
import { fixDeclarationSpecifiers, pruneDeclarations } from "../../scripts/declaration-files";
import { customElementsManifest } from "./custom-elements-manifest";
import { jsxTypings } from "./jsx-typings";
import { minifyTemplates } from "./minify-templates";

const widgets = resolve(import.meta.dirname, "..");
const root = resolve(widgets, "..");
export const PACKAGE_DIR = resolve(root, "packages/widgets");
const dist = resolve(PACKAGE_DIR, "dist");

/** Package subpath → element module. The EICI element is "eici": "./index" would read as the main entry. */
export const ELEMENT_ENTRIES: Readonly<Record<string, string>> = {
  ticker: "exo-ticker.ts",
  "forward-chart": "exo-forward-chart.ts",
  "history-chart": "exo-history-chart.ts",
  "cost-calculator": "exo-cost-calculator.ts",
  eici: "exo-index.ts",
};

async function main(): Promise<void> {
  rmSync(dist, { recursive: true, force: true });
  const entry: Record<string, string> = {
    index: resolve(widgets, "index.ts"),
    configure: resolve(widgets, "configure.ts"),
  };
  for (const [name, file] of Object.entries(ELEMENT_ENTRIES)) entry[name] = resolve(widgets, file);
  await build({
    root: widgets,
    configFile: false,
    publicDir: false,
    logLevel: "warn",
    plugins: [minifyTemplates()],
    build: {
      outDir: dist,
      emptyOutDir: false,
      target: "es2022",
      modulePreload: false,
      copyPublicDir: false,
      reportCompressedSize: false,
      // Readable output: the app's bundler minifies.
      minify: false,
      lib: { entry, formats: ["es"] },
      rolldownOptions: {
        external: [/^lit(\/|$)/, /^uplot(\/|$)/, /^@noble\/ed25519$/],
        output: { entryFileNames: "[name].js", chunkFileNames: "chunks/[name]-[hash].js" },
      },
    },
  });
  const tsc = spawnSync(
    process.execPath,
    [resolve(root, "node_modules/typescript/bin/tsc"), "-p", resolve(PACKAGE_DIR, "tsconfig.build.json")],
    { stdio: "inherit" },
  );
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
  fixDeclarationSpecifiers(resolve(dist, "types"));
  const typeEntries = ["index.ts", "configure.ts", ...Object.values(ELEMENT_ENTRIES)].map(
    (f) => `widgets/${f.replace(/\.ts$/, ".d.ts")}`,
  );
  pruneDeclarations(resolve(dist, "types"), typeEntries);
  const manifest = customElementsManifest(widgets) as Parameters<typeof jsxTypings>[0];
  mkdirSync(dist, { recursive: true });
  for (const flavour of ["react", "preact"] as const) {
    writeFileSync(resolve(dist, `${flavour}.d.ts`), jsxTypings(manifest, flavour));
    writeFileSync(resolve(dist, `${flavour}.js`), `// Types only: see ./${flavour}.d.ts.\nexport {};\n`);
  }
  const subpath = Object.fromEntries(Object.entries(ELEMENT_ENTRIES).map(([k, v]) => [v, k]));
  for (const m of manifest.modules) m.path = `dist/${subpath[m.path] ?? m.path.replace(/\.ts$/, "")}.js`;
  writeFileSync(resolve(PACKAGE_DIR, "custom-elements.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(
    "@exostream/widgets: packages/widgets/dist (index, 5 elements, types, JSX typings), custom-elements.json",
  );
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.dirname, "package.ts")) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
