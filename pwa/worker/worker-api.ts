// The typed boundary between the page and the worker (comlink). Types only, so both realms compile it.
import type { CompareRowsResult } from "../../oracle-core/greeks";
import type { ForwardPoint } from "../../oracle-core/forecast";
import type { DerivedGreeks } from "../../oracle-core/greeks";
import type { PricedTask, TaskRequest } from "../../oracle-core/greeks";
import type { BudgetPlan, CanvasInput, CanvasPlan } from "../../oracle-core/planning";
import type { BacktestFamiliesResult, TargetTable } from "../../oracle-core/market";
import type { BacktestTarget } from "../../oracle-core/market";
import type { SwapForwardResult } from "../../oracle-core/market";
import type { SwapBasis } from "../../oracle-core/market";
import type { SimTenorStats, SwapPeriod } from "../../oracle-core/quant";
import type { GreekRow } from "../../oracle-core/schemas";
import type { HistoryRow } from "../../oracle-core/schemas";
import type { IndexBlock, SnapshotPayload } from "../../oracle-core/schemas";
import type { TokenEstimate } from "../../oracle-core/tokens";

/** Why a call produced nothing: an oracle-core code (E_ETA_RANGE…) or a worker one (E_OFFLINE, E_HTTP, E_CANCELLED). */
export interface Fail {
  code: string;
  message: string;
  field?: string | undefined;
}

/** Every call answers with a value or a coded failure (comlink would drop an Error's `code`). */
export type Result<T> = { ok: true; value: T } | { ok: false; error: Fail };

/** Progress of a long call. `total` 0 means "size unknown": show an indeterminate bar. */
export interface Progress {
  done: number;
  total: number;
  /** What is being done, in words ("counting tokens", "simulating paths"). */
  phase: string;
}
export type OnProgress = (p: Progress) => void;

/** The verified snapshot in use and how it was checked. */
export interface SnapshotInfo {
  /**
   * verified: within its heartbeat; stale: older than 2 heartbeats; expired: past expires_at (kept for offline use).
   */
  state: "verified" | "stale" | "expired";
  source: "network" | "stored";
  version: number;
  sha256: string;
  keyid: string;
  keyset_version: number;
  /**
   * "first-use": the root keyset was trusted the first time this browser saw the feed; "pinned": the stored root
   * verified the chain.
   */
  trust: "first-use" | "pinned";
  root_keyids: string[];
  issued_at: string;
  expires_at: string;
  heartbeat_s: number;
  /** When this browser verified it (ms since epoch). */
  verified_at: number;
}

/** What the page shows: the snapshot (if any) and the latest problem with refreshing it. */
export interface SnapshotView {
  info: SnapshotInfo | null;
  payload: SnapshotPayload | null;
  notice: Fail | null;
}

/** The calculator's answer: the task at the chosen n_out and the range over all output lengths. */
export interface Calculation {
  point: PricedTask;
  range: PricedTask;
}

/** A forward-curve point with its calendar date: the expected price, and the law around it (null without one). */
export interface CurvePoint {
  date: string;
  t: number;
  value: number;
  law: ForwardPoint | null;
}

/**
 * The Model page: the row, what follows from it, its forward curve by month and, on a family's newest model, the tier.
 */
export interface ModelSheet {
  row: GreekRow;
  derived: DerivedGreeks;
  curve: CurvePoint[];
  tier: Array<{ name: string; date: string; point: ForwardPoint }> | null;
}

/** One history observation as the feed serves it (parsed by oracle-core's historyRows). */
export type HistoryPoint = HistoryRow;

/** History of a ticker, or why there is none (offline without a cached copy, HTTP error). */
export type HistoryView = { available: true; points: HistoryPoint[] } | { available: false; reason: string };

/** The Index page. */
export interface IndexView {
  index: IndexBlock;
  /** Index forward in points and in USD/M at 1M/3M/6M/12M. */
  forward_points: Record<string, number>;
  forward_usd: Record<string, number>;
  /** "lifecycle": the signed block's (members' lifecycle forwards); "theta": MATH.md §8.7 for an older block. */
  basis: "lifecycle" | "theta";
}

/** Swap desk input: underlying "EICI" or a ticker. */
export interface SwapDeskInput {
  underlying: string;
  months: number;
  notional: { type: "tokens" | "usd"; amount: number };
  /** Fixed rate to value at; null = the fair rate (NPV 0). */
  K: number | null;
  fixing: "end" | "average";
}

export interface SwapDesk {
  /** Fair fixed rate K* for end-of-month and for monthly-average fixing. */
  fair: { end: number; average: number };
  value: SwapForwardResult;
  /** The floating leg's forward: "lifecycle" (a model), "index-grid" (EICI's signed grid), "theta" (older snapshot). */
  basis: SwapBasis;
  K: number;
  /** Payment dates of the periods, for the fixed-vs-floating chart. */
  dates: string[];
  periods: SwapPeriod[];
}

export interface MonteCarloInput {
  ticker: string;
  paths: number;
  seed: number;
}

/** One simulated tenor: the price's mean and percentiles, and for the lifecycle model the share of paths that moved. */
export type McTenorStats = SimTenorStats & { p_change?: number };

export interface MonteCarloView {
  /** "lifecycle-hazard": the row's forecast model; "merton": a snapshot without one (MATH.md §10). */
  model: "lifecycle-hazard" | "merton";
  result: { paths: number; seed: number; tenors: Record<string, McTenorStats> };
  /** Calendar date of each tenor. */
  dates: Record<string, string>;
  beta: number;
}

/** The Methodology page's backtest: the scored table and, per target and tenor, the PIT histogram and reliability. */
export interface BacktestView {
  eval_end: string;
  tenors: string[];
  tier_calibration: BacktestFamiliesResult["tier_calibration"];
  by_tenor: TargetTable;
  calibration: Record<
    BacktestTarget,
    Record<string, { pit: number[]; reliability: { nominal: number; observed: number | null }[] }>
  >;
}

/** Budget planner input. */
export interface BudgetInput {
  monthly_calls: number;
  task: TaskRequest;
  tickers: string[];
}

/** A token count with how it was made. */
export interface TokenCount extends TokenEstimate {
  ms: number;
  /** Counting steps between progress and cancel checks. */
  chunks: number;
  chars: number;
}

/** The worker's API. Long calls take a job id (cancel(id) stops them) and a progress callback. */
export interface WorkerApi {
  /** Loads the stored snapshot, re-verified at `now` (the page's clock, ms; a corrupted one is dropped). */
  start(now: number): Promise<SnapshotView>;
  /** Fetches the feed's snapshot and keys, verifies them at `now` and stores them; on failure keeps the stored one. */
  refresh(now: number): Promise<SnapshotView>;
  calculate(ticker: string, req: TaskRequest): Promise<Result<Calculation>>;
  compare(req: TaskRequest, provider: string | null): Promise<Result<CompareRowsResult>>;
  modelSheet(ticker: string): Promise<Result<ModelSheet>>;
  history(ticker: string): Promise<Result<HistoryView>>;
  indexView(): Promise<Result<IndexView | null>>;
  swap(input: SwapDeskInput): Promise<Result<SwapDesk>>;
  canvas(input: CanvasInput): Promise<Result<CanvasPlan>>;
  budget(input: BudgetInput): Promise<Result<BudgetPlan>>;
  backtest(): Promise<Result<BacktestView>>;
  monteCarlo(job: number, input: MonteCarloInput, onProgress: OnProgress): Promise<Result<MonteCarloView>>;
  /** Hands over one slice of a large prompt (first: a new prompt), so no single message blocks the page. */
  stagePrompt(slice: string, first: boolean): void;
  /** Counts `text`, or (null) the prompt handed over with stagePrompt. */
  countTokens(job: number, text: string | null, tokenizer: string, onProgress: OnProgress): Promise<Result<TokenCount>>;
  cancel(job: number): void;
}
