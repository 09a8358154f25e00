// exostream: the Exostream SDK — verified snapshot, local pricing, pre-call estimates, exact metering of real calls.

// the oracle (fetch, verify, cache; price, compare, forward, estimate, meter)
export { createOracle } from "./create-oracle";
export { loadSnapshot, memoryCache } from "./snapshot-source";
export { engineTokenCounter, tiktokenCounter } from "./tokenizer";
// metering clients and budgets
export { wrap } from "./wrap";
export { createBudget } from "./budget";
// webhook receivers: check a delivery's Exostream-Signature
export { verifyWebhook, signWebhook, SIGNATURE_HEADER } from "../../oracle-core/integrations";
// the pure pieces, for callers that bring their own snapshot
export { readUsage } from "../../oracle-core/integrations";
export { meterTokens } from "../../oracle-core/integrations";
export { estimateCall } from "../../oracle-core/integrations";
export { OracleError, isOracleError } from "../../oracle-core";

export type {
  Oracle,
  OracleOptions,
  ForwardResult,
  PriceInput,
  CompareInput,
  EstimateInput,
  MeterOptions,
} from "./create-oracle";
export type { SnapshotCache, CachedSnapshot, SnapshotSourceOptions, LoadedSnapshot } from "./snapshot-source";
export type { TokenCounter } from "./tokenizer";
export type { ExostreamCall, ExostreamFailure, EstimateError, WrapOptions } from "./wrap";
export type { Budget, Affordable, Spent } from "./budget";
export type { MeteredTokens, UsageFormat } from "../../oracle-core/integrations";
export type { MeterResult } from "../../oracle-core/integrations";
export type { CallEstimate } from "../../oracle-core/integrations";
export type { ForwardPoint } from "../../oracle-core/forecast";
export type { PricedTask } from "../../oracle-core/greeks";
export type { CompareRowsResult } from "../../oracle-core/greeks";
export type { OracleErrorCode } from "../../oracle-core";
