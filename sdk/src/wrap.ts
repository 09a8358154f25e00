import type { CallEstimate } from "../../oracle-core/integrations";
import type { MeteredTokens, UsageFormat } from "../../oracle-core/integrations";
import type { Budget } from "./budget";
import type { Oracle } from "./create-oracle";

/**
 * How far the pre-call estimate was from the call: its n_in against the real one, and whether the cost fell in its
 * range.
 */
export interface EstimateError {
  n_in_estimated: number;
  n_in_actual: number;
  /** (estimated − actual) / actual; null when actual is 0. */
  n_in_rel: number | null;
  cost_min: number;
  cost_max: number;
  within_range: boolean;
}

/** What a wrapped client's response carries as `exostream`. */
export interface ExostreamCall {
  model: string;
  cost: number;
  kappa: number | null;
  /** What prompt caching saved on this call in USD (negative on a call that only wrote the cache). */
  cache_savings: number;
  /** null when no estimate could be made before the call (no text in the request). */
  estimate_error: EstimateError | null;
  tokens: MeteredTokens;
  snapshot_version: number;
}

/** Metering never breaks the call: a response the oracle cannot price carries the reason instead. */
export interface ExostreamFailure {
  error: { code: string; message: string };
}

export interface WrapOptions {
  /** Called after every metered call. */
  onCost?: (call: ExostreamCall) => void;
  /** Every metered call is recorded here. */
  budget?: Budget;
}

const WRAPPED = Symbol.for("exostream.wrapped");

type Params = Record<string, unknown>;
type Creator = { create: (params: Params, options?: unknown) => unknown };
type ApiPromise = Promise<unknown> & { _thenUnwrap?: (f: (data: unknown) => unknown) => unknown };

const textOf = (content: unknown): string => {
  if (typeof content === "string") return content;
  if (Array.isArray(content))
    return content
      .map((p) =>
        typeof p === "object" && p !== null && typeof (p as { text?: unknown }).text === "string"
          ? (p as { text: string }).text
          : "",
      )
      .filter(Boolean)
      .join("\n");
  return "";
};
const messagesText = (messages: unknown): string =>
  Array.isArray(messages)
    ? messages
        .map((m) => textOf((m as { content?: unknown })?.content))
        .filter(Boolean)
        .join("\n")
    : "";

/** The request's prompt text and output ceiling, per API. */
function requestShape(kind: UsageFormat, p: Params): { text: string; max_tokens: number | undefined } {
  const num = (x: unknown) => (typeof x === "number" ? x : undefined);
  switch (kind) {
    case "openai-chat":
      return { text: messagesText(p.messages), max_tokens: num(p.max_completion_tokens) ?? num(p.max_tokens) };
    case "openai-responses":
      return {
        text: [textOf(p.instructions), typeof p.input === "string" ? p.input : messagesText(p.input)]
          .filter(Boolean)
          .join("\n"),
        max_tokens: num(p.max_output_tokens),
      };
    case "anthropic":
      return {
        text: [textOf(p.system), messagesText(p.messages)].filter(Boolean).join("\n"),
        max_tokens: num(p.max_tokens),
      };
    default:
      return { text: "", max_tokens: undefined };
  }
}

function tryResolve(oracle: Oracle, name: string): string | null {
  try {
    return oracle.resolve(name);
  } catch {
    return null;
  }
}

function errorOf(e: unknown): ExostreamFailure {
  const x = e as { code?: unknown; message?: unknown };
  return {
    error: {
      code: typeof x?.code === "string" ? x.code : "E_INTERNAL",
      message: typeof x?.message === "string" ? x.message : String(e),
    },
  };
}

function wrapCreate(target: Creator, kind: UsageFormat, oracle: Oracle, opts: WrapOptions): void {
  const original = target.create.bind(target);
  target.create = (params: Params, options?: unknown) => {
    const result = original(params, options) as ApiPromise;
    // Streams carry usage only in their last event; they are passed through unmetered.
    if (params?.stream === true || typeof params?.model !== "string") return result;
    const model = params.model;
    const shape = requestShape(kind, params);
    const estimate: Promise<CallEstimate | null> = (async () => {
      if (!shape.text) return null;
      const max_tokens = shape.max_tokens ?? oracle.row(model).max_output;
      return oracle.estimate({ model, prompt: shape.text, max_tokens });
    })().catch(() => null);
    const attach = async (data: unknown): Promise<unknown> => {
      if (typeof data !== "object" || data === null) return data;
      let exo: ExostreamCall | ExostreamFailure;
      try {
        // The response's model id (often a dated snapshot of the requested alias) first, the requested one as fallback.
        const named = (data as { model?: unknown }).model;
        const ticker =
          typeof named === "string" ? (tryResolve(oracle, named) ?? oracle.resolve(model)) : oracle.resolve(model);
        const m = oracle.meter(data, { model: ticker, format: kind });
        const est = await estimate;
        exo = {
          model: m.model,
          cost: m.cost,
          kappa: m.kappa,
          cache_savings: m.cache_savings,
          estimate_error: est && {
            n_in_estimated: est.n_in,
            n_in_actual: m.tokens.n_in,
            n_in_rel: m.tokens.n_in > 0 ? (est.n_in - m.tokens.n_in) / m.tokens.n_in : null,
            cost_min: est.min,
            cost_max: est.max,
            within_range: m.cost >= est.min && m.cost <= est.max,
          },
          tokens: m.tokens,
          snapshot_version: oracle.snapshot.version,
        };
        opts.budget?.record(m);
        opts.onCost?.(exo);
      } catch (e) {
        exo = errorOf(e);
      }
      (data as { exostream?: unknown }).exostream = exo;
      return data;
    };
    // Keep the SDK's APIPromise (withResponse(), asResponse(), request ids): its own transform hook when present.
    return typeof result?._thenUnwrap === "function" ? result._thenUnwrap(attach) : result.then(attach);
  };
}

/**
 * Meters every call of an official OpenAI (chat.completions, responses) or Anthropic (messages) client: each
 * non-streaming response gets `exostream: { cost, kappa, cache_savings, estimate_error, … }`. Returns the same client.
 * @example const openai = wrap(new OpenAI(), oracle); (await openai.chat.completions.create({…})).exostream.cost
 */
export function wrap<C extends object>(client: C, oracle: Oracle, opts: WrapOptions = {}): C {
  const c = client as { chat?: { completions?: Creator }; responses?: Creator; messages?: Creator };
  const marked = client as { [WRAPPED]?: boolean };
  if (marked[WRAPPED]) return client;
  if (c.chat?.completions?.create) wrapCreate(c.chat.completions, "openai-chat", oracle, opts);
  if (c.responses?.create) wrapCreate(c.responses, "openai-responses", oracle, opts);
  if (c.messages?.create) wrapCreate(c.messages, "anthropic", oracle, opts);
  Object.defineProperty(client, WRAPPED, { value: true });
  return client;
}
