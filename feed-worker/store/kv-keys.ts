/** KV key names: the published snapshot and its widget view, the keyset, and (local only) the generated signing key. */
export const KV = {
  latestSnapshot: "snapshot:latest",
  widgetView: "widget-view:latest",
  keyset: "keyset:latest",
  keysetChain: "keyset:chain",
  localSigningKey: "signing:local-key",
  halt: (ticker: string) => `halt:${ticker}`,
} as const;
