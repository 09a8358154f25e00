/**
 * oracle-core's front door. The pricing model is grouped by area, and each area's `index.ts` lists what it makes
 * public (values first, `export type` apart); code outside oracle-core imports `oracle-core/<area>`, never a module
 * behind it (`npm run check:architecture` enforces it):
 *
 * - `quant` — task cost, κ, cost range, θ/σ fits, forward curve, EICS swap, Merton Monte Carlo, breaker (docs/MATH.md)
 * - `greeks` — a Greek-sheet row, pricing a task on a row, cache TTL, task issues
 * - `forecast` — the lifecycle forecasts behind every published forward (docs/METHODOLOGY.md)
 * - `market` — EICI series and snapshot block, swap and Monte Carlo requests, the backtest
 * - `publishing` — the publishing rules: reconcile, decide, bounds, ratios, unit suspects, shrink, set-asides
 * - `snapshot` — canonical JSON, DSSE envelope, Ed25519 signing and verification, keysets
 * - `schemas` — the zod schemas at every boundary (registry, history, snapshot, API bodies)
 * - `registry`, `planning`, `integrations`, `tokens` — ticker naming, budgets and unit economics, provider model ids
 *   and usage metering, token-count estimates
 *
 * This root index holds what belongs to no area: the error class every area throws, with its stable codes.
 */

export { OracleError, isOracleError } from "./errors";

export type { OracleErrorCode } from "./errors";
