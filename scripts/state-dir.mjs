// The local state folder (.exostream/state) holds the feed's signing key and webhook secrets: owner-only, always.
import { chmodSync, lstatSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";

/** Owner-only modes: 0700 for folders, 0600 for files. */
export const DIR_MODE = 0o700;
export const FILE_MODE = 0o600;

/**
 * Creates `dir` owner-only (0700) if missing, then checks every folder and file under it and tightens any that a
 * group or other user could read (0700 / 0600). Returns the paths it had to tighten, for a warning.
 * Symbolic links are left alone (their target is not ours to change).
 * @example secureStateDir(".exostream/state") // [] when the modes were already right
 */
export function secureStateDir(dir) {
  mkdirSync(dir, { recursive: true, mode: DIR_MODE });
  const fixed = [];
  const walk = (p) => {
    const st = lstatSync(p);
    if (st.isSymbolicLink()) return;
    const want = st.isDirectory() ? DIR_MODE : FILE_MODE;
    if ((st.mode & 0o077) !== 0) {
      chmodSync(p, want);
      fixed.push(p);
    }
    if (st.isDirectory()) for (const name of readdirSync(p)) walk(join(p, name));
  };
  walk(dir);
  return fixed;
}
