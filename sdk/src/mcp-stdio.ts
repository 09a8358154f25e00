#!/usr/bin/env node
// exostream-mcp: the Exostream MCP tools over stdio for desktop MCP clients. Reads the signed snapshot from a feed,
// verifies it against pinned root keys, caches it on disk, and answers every tool locally with api-core's server
// (the same tool table and handlers as the feed's POST /mcp). stdout is the protocol; everything else goes to stderr.
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { parseArgs } from "node:util";
import { apiState, type ApiState } from "../../api-core/api-state";
import { createMcpServer } from "../../api-core/mcp-server";
import type { ToolHost } from "../../api-core/mcp-tools";
import { readKeyset } from "../../oracle-core/snapshot";
import { encodeBase64 } from "../../oracle-core/snapshot";
import { defaultCacheDir, fileCache } from "./file-cache";
import { loadSnapshot } from "./snapshot-source";
import { engineTokenCounter } from "./tokenizer";

/** Re-read the feed at most this often; between reads every tool answers from the verified snapshot in memory. */
const REFRESH_MS = 60_000;

const USAGE = `usage: exostream-mcp --feed-url <url> --public-key <base64|hex> [--public-key …] [--cache-dir <dir>]
       exostream-mcp --print-root-key --feed-url <url>
env:   EXOSTREAM_FEED_URL, EXOSTREAM_PUBLIC_KEYS (comma-separated), EXOSTREAM_CACHE_DIR`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      "feed-url": { type: "string" },
      "public-key": { type: "string", multiple: true },
      "cache-dir": { type: "string" },
      "print-root-key": { type: "boolean" },
      help: { type: "boolean" },
    },
  });
  if (values.help) return void console.error(USAGE);
  const feedUrl = values["feed-url"] ?? process.env.EXOSTREAM_FEED_URL;
  if (!feedUrl) throw new Error(`no feed URL\n${USAGE}`);
  if (values["print-root-key"]) {
    // Trust on first use: prints what the feed says its root is, for the operator to check and pin.
    const doc = (await (await fetch(`${feedUrl.replace(/\/+$/, "")}/.well-known/exostream-keys.json`)).json()) as {
      keysets: Parameters<typeof readKeyset>[0][];
    };
    const root = await readKeyset(doc.keysets[0]!);
    for (const k of root.keys) console.log(`${encodeBase64(k.publicKey)}  keyid ${k.keyid}`);
    return;
  }
  const publicKeys =
    values["public-key"] ??
    (process.env.EXOSTREAM_PUBLIC_KEYS ?? "")
      .split(",")
      .map((k) => k.trim())
      .filter(Boolean);
  if (publicKeys.length === 0)
    throw new Error(`no pinned public key: the snapshot cannot be verified without one\n${USAGE}`);
  const cache = fileCache(values["cache-dir"] ?? defaultCacheDir());

  let current: { state: ApiState; at: number } | null = null;
  const host: ToolHost = {
    async state() {
      if (current && Date.now() - current.at < REFRESH_MS) return current.state;
      const { verified, from } = await loadSnapshot({ feedUrl, publicKeys, cache });
      const state = apiState(verified.payload);
      if (from === "cache")
        console.error(`exostream-mcp: feed unreachable; using the cached snapshot v${verified.version}`);
      current = { state, at: Date.now() };
      return state;
    },
    countTokens: engineTokenCounter(),
  };
  // Verify once at start so a wrong key or URL fails loudly here rather than on the first tool call.
  const first = await host.state();
  console.error(
    `exostream-mcp: snapshot v${first.payload.version} verified (${first.payload.models.length} models) from ${feedUrl}`,
  );
  await createMcpServer(host).connect(new StdioServerTransport());
}

main().catch((e: unknown) => {
  console.error(`exostream-mcp: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
