import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAssets } from "../../scripts/build-assets.mjs";
import { ensureWidgetsBuilt } from "../../harness/widgets-build";
import { feedConfig, freePort, stopTree, waitUp, wranglerDev } from "../../harness/wrangler-dev";

const DIR = mkdtempSync(join(tmpdir(), "exo-embed-"));

describe("on workerd: embed pages are frameable, the API is not, widget scripts load cross-origin", () => {
  let feed: ChildProcess;
  let base = "";
  beforeAll(async () => {
    await ensureWidgetsBuilt();
    buildAssets();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    feed = wranglerDev(feedConfig(join(DIR, "cfg")), port, join(DIR, "state"));
    await waitUp(`${base}/v1/health`);
  });
  afterAll(async () => {
    await stopTree(feed);
    rmSync(DIR, { recursive: true, force: true });
  });

  it("GET /embed/ticker is an HTML page any site may frame", async () => {
    const r = await fetch(`${base}/embed/ticker?model=OPUS-4.6`);
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toContain("text/html");
    expect(r.headers.get("x-frame-options")).toBeNull();
    expect(r.headers.get("content-security-policy")).toContain("frame-ancestors *");
    expect(await r.text()).toContain("<");
  });

  it("an unknown embed is a 404 with a code", async () => {
    const r = await fetch(`${base}/embed/nope`);
    expect(r.status).toBe(404);
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe("E_NOT_FOUND");
  });

  it("/v1/* refuses framing", async () => {
    const r = await fetch(`${base}/v1/health`);
    expect(r.headers.get("x-frame-options")).toBe("DENY");
    expect(r.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("the widget loader is served with CORS for cross-origin module loads", async () => {
    const r = await fetch(`${base}/widgets/exostream-widgets.js`, { headers: { Origin: "https://blog.example" } });
    expect(r.status).toBe(200);
    expect(r.headers.get("access-control-allow-origin")).toBe("*");
    expect(r.headers.get("content-type")).toMatch(/javascript/);
  });
});
