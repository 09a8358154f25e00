import type { GuardResult } from "../guard/guard-source";
import type { CollectResult } from "../sources/collect";
import type { ParseResult, SourceAdapter } from "../sources/types";

/** The steps of one pipeline run, in order (SPEC §4); a crash before any of them must leave nothing partial. */
export const STEPS = [
  "load",
  "collect",
  "reconcile",
  "compute",
  "sign",
  "persist:d1",
  "persist:r2",
  "persist:kv",
] as const;
export type StepName = (typeof STEPS)[number];

/** One source's run: its adapter, the transport record and the guard's verdict. */
export interface SourceRun {
  adapter: SourceAdapter;
  raw: CollectResult;
  guard: GuardResult;
  /** What the payload says about models besides prices (deprecation, context window…), when it parsed. */
  info?: ParseResult["info"];
}
