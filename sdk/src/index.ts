// exostream: the Exostream SDK — verified snapshot, local pricing, pre-call estimates, exact metering of real calls.

// the oracle (fetch, verify, cache; price, compare, forward, estimate, meter)
export { createOracle } from "./create-oracle";
export { loadSnapshot, memoryCache } from "./snapshot-source";
export { engineTokenCounter, tiktokenCounter } from "./tokenizer";
// metering clients and budgets
export { wrap } from "./wrap";
export { createBudget } from "./budget";
// webhook receivers: check a delivery's Exostream-Signature
export { verifyWebhook, signWebhook, SIGNATURE_HEADER } from "../../oracle-core/integrations/webhook-signature";
// the pure pieces, for callers that bring their own snapshot
export { readUsage } from "../../oracle-core/integrations/read-usage";
export { meterTokens } from "../../oracle-core/integrations/meter-usage";
export { estimateCall } from "../../oracle-core/integrations/estimate-call";
export { OracleError, isOracleError } from "../../oracle-core/errors";

export type { Oracle, OracleOptions, ForwardResult, PriceInput, CompareInput, EstimateInput, MeterOptions } from "./create-oracle";
export type { SnapshotCache, CachedSnapshot, SnapshotSourceOptions, LoadedSnapshot } from "./snapshot-source";
export type { TokenCounter } from "./tokenizer";
export type { ExostreamCall, ExostreamFailure, EstimateError, WrapOptions } from "./wrap";
export type { Budget, Affordable, Spent } from "./budget";
export type { MeteredTokens, UsageFormat } from "../../oracle-core/integrations/read-usage";
export type { MeterResult } from "../../oracle-core/integrations/meter-usage";
export type { CallEstimate } from "../../oracle-core/integrations/estimate-call";
export type { ForwardPoint } from "../../oracle-core/forecast/forward-point";
export type { PricedTask } from "../../oracle-core/greeks/price-task";
export type { CompareRowsResult } from "../../oracle-core/greeks/compare-rows";
export type { OracleErrorCode } from "../../oracle-core/errors";
