import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium, type Browser } from "playwright-core";
import { withShiftedClock } from "./clock";

/**
 * Where the tests find a Chromium, in this order:
 *  1. `CHROMIUM_PATH` (any Chromium or Chrome binary);
 *  2. a system browser on the PATH or at the usual Linux paths (`chromium`, `chromium-browser`, `google-chrome`);
 *  3. the headless Chromium shipped inside the `@sparticuz/chromium` npm package (Linux x64/arm64), unpacked on first
 *     use into the OS temp folder. Test tools cannot download browsers on machines without network access; a binary
 *     that arrives with `npm ci` can.
 */
export type ChromiumSource = "CHROMIUM_PATH" | "system" | "@sparticuz/chromium";

export interface ResolvedChromium {
  path: string;
  source: ChromiumSource;
}

const SYSTEM_NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];
const SYSTEM_PATHS = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/snap/bin/chromium",
];

/**
 * Flags for a headless test browser on a machine with no network: no background connections, no component updates,
 * a fixed UI language (the packaged build otherwise reports `en-US@posix` under `LANG=C.UTF-8`, which `Intl` rejects).
 */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  "--lang=en-US",
];

function onPath(name: string): string | null {
  try {
    const out = execFileSync("sh", ["-c", `command -v ${name}`], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
    return out && existsSync(out) ? out : null;
  } catch {
    return null;
  }
}

function systemChromium(): string | null {
  for (const name of SYSTEM_NAMES) {
    const p = onPath(name);
    if (p) return p;
  }
  return SYSTEM_PATHS.find((p) => existsSync(p)) ?? null;
}

let resolved: Promise<ResolvedChromium> | undefined;

/** Finds a Chromium (see the order above); throws a message that says what to install when there is none. */
export function resolveChromium(): Promise<ResolvedChromium> {
  resolved ??= (async (): Promise<ResolvedChromium> => {
    const fromEnv = process.env.CHROMIUM_PATH;
    if (fromEnv) {
      if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist`);
      return { path: fromEnv, source: "CHROMIUM_PATH" };
    }
    const sys = systemChromium();
    if (sys) return { path: sys, source: "system" };
    if (process.platform === "linux" && (process.arch === "x64" || process.arch === "arm64")) {
      const require = createRequire(import.meta.url);
      try {
        require.resolve("@sparticuz/chromium");
      } catch {
        throw new Error(
          "no Chromium found: set CHROMIUM_PATH, install chromium, or run `npm ci` (it installs @sparticuz/chromium)",
        );
      }
      const mod = (await import("@sparticuz/chromium")) as unknown as {
        default: { executablePath(): Promise<string> };
      };
      return { path: await mod.default.executablePath(), source: "@sparticuz/chromium" };
    }
    throw new Error(
      `no Chromium found on ${process.platform}/${process.arch}: set CHROMIUM_PATH to a Chromium or Chrome binary ` +
        "(the packaged @sparticuz/chromium covers Linux x64 and arm64 only)",
    );
  })();
  return resolved;
}

/** Launches headless Chromium from {@link resolveChromium}; its pages run on the tests' clock (./clock.ts). */
export async function launchChromium(): Promise<Browser> {
  const { path } = await resolveChromium();
  const env = { ...process.env, LANG: "en_US.UTF-8" };
  return withShiftedClock(await chromium.launch({ executablePath: path, args: CHROMIUM_ARGS, headless: true, env }));
}
