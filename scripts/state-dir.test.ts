import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { secureStateDir } from "./state-dir.mjs";

const mode = (p: string) => statSync(p).mode & 0o777;

describe("secureStateDir: the signing key and webhook secrets are owner-only (issue 16 item 10)", () => {
  let root = "";
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("creates a missing state folder 0700", () => {
    root = mkdtempSync(join(tmpdir(), "exo-state-"));
    const dir = join(root, ".exostream/state");
    expect(secureStateDir(dir)).toEqual([]);
    expect(mode(dir)).toBe(0o700);
  });

  it("tightens a world-readable folder (0755) and key files (0644) to 0700 / 0600 and reports them", () => {
    root = mkdtempSync(join(tmpdir(), "exo-state-"));
    const dir = join(root, "state");
    mkdirSync(join(dir, "v3/d1"), { recursive: true });
    writeFileSync(join(dir, "v3/d1/db.sqlite"), "secret");
    writeFileSync(join(root, "outside.txt"), "not ours");
    symlinkSync(join(root, "outside.txt"), join(dir, "link"));
    chmodSync(dir, 0o755);
    chmodSync(join(dir, "v3"), 0o755);
    chmodSync(join(dir, "v3/d1/db.sqlite"), 0o644);
    chmodSync(join(root, "outside.txt"), 0o644);
    const fixed = secureStateDir(dir);
    expect(fixed).toContain(dir);
    expect(fixed).toContain(join(dir, "v3/d1/db.sqlite"));
    expect([mode(dir), mode(join(dir, "v3")), mode(join(dir, "v3/d1/db.sqlite"))]).toEqual([0o700, 0o700, 0o600]);
    expect(mode(join(root, "outside.txt"))).toBe(0o644); // a link's target is left alone
    expect(secureStateDir(dir)).toEqual([]); // the second start finds nothing to fix
  });
});
