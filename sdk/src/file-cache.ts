import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import type { CachedSnapshot, SnapshotCache } from "./snapshot-source";

/** $EXOSTREAM_CACHE_DIR, else $XDG_CACHE_HOME/exostream, else ~/.cache/exostream. */
export function defaultCacheDir(env: Record<string, string | undefined> = process.env): string {
  return env.EXOSTREAM_CACHE_DIR ?? join(env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "exostream");
}

/**
 * The verified snapshot on disk (Node): `<dir>/snapshot.json`, written atomically (temp file + rename). What it holds
 * is re-verified on every load, so a tampered file is refused, never trusted.
 */
export function fileCache(dir: string = defaultCacheDir()): SnapshotCache {
  const path = join(dir, "snapshot.json");
  return {
    async load() {
      try {
        const j = JSON.parse(await readFile(path, "utf8")) as Partial<CachedSnapshot>;
        if (
          typeof j.envelope !== "string" ||
          typeof j.keys !== "string" ||
          typeof j.version !== "number" ||
          typeof j.sha256 !== "string"
        )
          return null;
        return j as CachedSnapshot;
      } catch {
        return null;
      }
    },
    async save(entry) {
      await mkdir(dir, { recursive: true });
      const tmp = `${path}.${process.pid}.tmp`;
      await writeFile(tmp, JSON.stringify(entry));
      await rename(tmp, path);
    },
  };
}
