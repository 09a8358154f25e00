// Builds widgets/ and pwa/ with vite into dist/public when they exist (added by their issues).
import { existsSync } from "node:fs";
import { resolve } from "node:path";
const root = resolve(import.meta.dirname, "..");
if (!existsSync(resolve(root, "widgets/index.ts")) && !existsSync(resolve(root, "pwa/index.html"))) {
  console.log("web: no widgets/pwa sources yet; skipping vite build");
}
