// The hand-written part of the registry: which archive ids are which ticker, and the few
// decisions the archives cannot make (families, forced legacy, preferred sources and composite constituents are in
// data/curation.json).
// Everything else —
// prices, tiers, batch, scheduled prices, context, dates — is read from the archives by build-registry.ts.
import type { Provider, SourceId } from "../oracle-core/schemas";

type Match = Partial<Record<SourceId, string[]>>;
export interface TableRow {
  ticker: string;
  display_name: string;
  provider: Provider;
  /** Set from data/curation.json `family` (build-registry-curated.ts). */
  family?: string;
  /**
   * First id per source is the primary (prices, metadata, status); the rest are aliases/snapshots. Composites derive it
   * from their hosts.
   */
  match?: Match;
  /** Model names used by reference/history/public-record.json for this ticker. */
  pr?: string[];
  /** Forced legacy, with the reason. */
  legacy?: string;
  /** Release date override and why. */
  release?: { date: string; basis: string };
  tokenizer?: string;
  /** Composite rows say so here (and in display_name). */
  label?: string;
  /** Metadata for rows whose archives lack it (composites), with where it came from. */
  meta?: { context: number; max_output: number; reasoning: boolean; basis: string };
  prefer?: { source: SourceId; reason: string };
  /** Used only when no archive says whether the model reasons. */
  reasoning?: boolean;
  reasoningBasis?: string;
  /** Meta/Llama: host listings, first candidate per host is used, the others are cross-checked (data/curation.json
   * `composite`, set by build-registry-composites.ts). */
  composite?: Array<{ host: string; candidates: Array<{ source: SourceId; id: string }> }>;
  notes?: string[];
}

const g = (...ids: string[]) => ids; // readability helper for id lists

export const TABLE: TableRow[] = [
  // ---------------- Anthropic
  {
    ticker: "OPUS-5",
    display_name: "Claude Opus 5",
    provider: "anthropic",
    match: { "genai-prices": g("anthropic:claude-opus-5"), litellm: g("claude-opus-5") },
    release: {
      date: "2026-07-24",
      basis:
        "upper bound: first archive listing it (LiteLLM 2026-07-24); absent from models.dev and OpenRouter on 2026-07-02",
    },
  },
  {
    ticker: "OPUS-4.8",
    display_name: "Claude Opus 4.8",
    provider: "anthropic",
    match: {
      "models-dev": g("anthropic:claude-opus-4-8"),
      "genai-prices": g("anthropic:claude-opus-4-8"),
      litellm: g("claude-opus-4-8"),
      "llm-prices": g("claude-opus-4-8"),
    },
  },
  {
    ticker: "OPUS-4.7",
    display_name: "Claude Opus 4.7",
    provider: "anthropic",
    match: {
      "models-dev": g("anthropic:claude-opus-4-7"),
      "genai-prices": g("anthropic:claude-opus-4-7"),
      litellm: g("claude-opus-4-7", "claude-opus-4-7-20260416"),
      "llm-prices": g("claude-opus-4-7"),
      openrouter: g("anthropic/claude-opus-4.7"),
    },
  },
  {
    ticker: "OPUS-4.6",
    display_name: "Claude Opus 4.6",
    provider: "anthropic",
    pr: ["claude-opus-4.6"],
    match: {
      "models-dev": g("anthropic:claude-opus-4-6"),
      "genai-prices": g("anthropic:claude-opus-4-6"),
      litellm: g("claude-opus-4-6", "claude-opus-4-6-20260205", "claude-opus-4-6-thinking"),
      "llm-prices": g("claude-opus-4-6"),
      openrouter: g("anthropic/claude-opus-4.6"),
    },
  },
  {
    ticker: "OPUS-4.5",
    display_name: "Claude Opus 4.5",
    provider: "anthropic",
    pr: ["claude-opus-4.5"],
    match: {
      "models-dev": g("anthropic:claude-opus-4-5", "anthropic:claude-opus-4-5-20251101"),
      "genai-prices": g("anthropic:claude-opus-4-5"),
      litellm: g("claude-opus-4-5", "claude-opus-4-5-20251101"),
      "llm-prices": g("claude-opus-4-5"),
      openrouter: g("anthropic/claude-opus-4.5"),
    },
  },
  {
    ticker: "OPUS-4.1",
    display_name: "Claude Opus 4.1",
    provider: "anthropic",
    pr: ["claude-opus-4.1"],
    match: {
      "models-dev": g("anthropic:claude-opus-4-1", "anthropic:claude-opus-4-1-20250805"),
      "genai-prices": g("anthropic:claude-opus-4-1"),
      litellm: g("claude-opus-4-1-20250805", "claude-opus-4-1"),
      "llm-prices": g("claude-opus-4-1"),
      openrouter: g("anthropic/claude-opus-4.1"),
    },
  },
  {
    ticker: "OPUS-4",
    display_name: "Claude Opus 4",
    provider: "anthropic",
    pr: ["claude-opus-4"],
    match: {
      "models-dev": g("anthropic:claude-opus-4-0", "anthropic:claude-opus-4-20250514"),
      "genai-prices": g("anthropic:claude-opus-4-0"),
      litellm: g("claude-opus-4-20250514", "claude-4-opus-20250514"),
      "llm-prices": g("claude-opus-4"),
      openrouter: g("anthropic/claude-opus-4"),
    },
  },
  {
    ticker: "OPUS-3",
    display_name: "Claude Opus 3",
    provider: "anthropic",
    pr: ["claude-3-opus"],
    match: {
      "models-dev": g("anthropic:claude-3-opus-20240229"),
      "genai-prices": g("anthropic:claude-3-opus-latest"),
      litellm: g("claude-3-opus-20240229"),
      "llm-prices": g("claude-3-opus"),
    },
  },
  {
    ticker: "FABLE-5",
    display_name: "Claude Fable 5",
    provider: "anthropic",
    match: {
      "models-dev": g("anthropic:claude-fable-5"),
      "genai-prices": g("anthropic:claude-fable-5"),
      litellm: g("claude-fable-5"),
      "llm-prices": g("claude-fable-5"),
    },
  },
  {
    ticker: "SONNET-5",
    display_name: "Claude Sonnet 5",
    provider: "anthropic",
    pr: ["claude-sonnet-5"],
    match: {
      "models-dev": g("anthropic:claude-sonnet-5"),
      "genai-prices": g("anthropic:claude-sonnet-5"),
      litellm: g("claude-sonnet-5"),
      "llm-prices": g("claude-sonnet-5"),
    },
  },
  {
    ticker: "SONNET-4.6",
    display_name: "Claude Sonnet 4.6",
    provider: "anthropic",
    match: {
      "models-dev": g("anthropic:claude-sonnet-4-6"),
      "genai-prices": g("anthropic:claude-sonnet-4-6"),
      litellm: g("claude-sonnet-4-6"),
      openrouter: g("anthropic/claude-sonnet-4.6"),
    },
  },
  {
    ticker: "SONNET-4.5",
    display_name: "Claude Sonnet 4.5",
    provider: "anthropic",
    pr: ["claude-sonnet-4.5"],
    match: {
      "models-dev": g("anthropic:claude-sonnet-4-5", "anthropic:claude-sonnet-4-5-20250929"),
      "genai-prices": g("anthropic:claude-sonnet-4-5"),
      litellm: g("claude-sonnet-4-5", "claude-sonnet-4-5-20250929"),
      "llm-prices": g("claude-sonnet-4.5"),
      openrouter: g("anthropic/claude-sonnet-4.5"),
    },
    meta: {
      context: 200000,
      max_output: 64000,
      reasoning: true,
      basis:
        "Anthropic's standard window is 200K (models.dev and LiteLLM list 200000); the 1M window is a beta behind the context-1m header, and its >200K price (6 / 22.50) is that beta's, so it is not a tier of this row",
    },
  },
  {
    ticker: "SONNET-4",
    display_name: "Claude Sonnet 4",
    provider: "anthropic",
    pr: ["claude-sonnet-4"],
    match: {
      "models-dev": g("anthropic:claude-sonnet-4-0", "anthropic:claude-sonnet-4-20250514"),
      "genai-prices": g("anthropic:claude-sonnet-4-0"),
      litellm: g("claude-sonnet-4-20250514", "claude-4-sonnet-20250514"),
      openrouter: g("anthropic/claude-sonnet-4"),
    },
  },
  {
    ticker: "SONNET-3.7",
    display_name: "Claude Sonnet 3.7",
    provider: "anthropic",
    pr: ["claude-3.7-sonnet"],
    match: {
      "models-dev": g("anthropic:claude-3-7-sonnet-20250219"),
      "genai-prices": g("anthropic:claude-3-7-sonnet-latest"),
      litellm: g("claude-3-7-sonnet-20250219"),
      "llm-prices": g("claude-3.7-sonnet"),
    },
  },
  {
    ticker: "SONNET-3.5",
    display_name: "Claude Sonnet 3.5",
    provider: "anthropic",
    pr: ["claude-3.5-sonnet"],
    match: {
      "models-dev": g("anthropic:claude-3-5-sonnet-20241022", "anthropic:claude-3-5-sonnet-20240620"),
      "genai-prices": g("anthropic:claude-3-5-sonnet"),
      "llm-prices": g("claude-3.5-sonnet"),
    },
  },
  {
    ticker: "SONNET-3",
    display_name: "Claude Sonnet 3",
    provider: "anthropic",
    pr: ["claude-3-sonnet"],
    match: { "models-dev": g("anthropic:claude-3-sonnet-20240229"), "genai-prices": g("anthropic:claude-3-sonnet") },
  },
  {
    ticker: "HAIKU-4.5",
    display_name: "Claude Haiku 4.5",
    provider: "anthropic",
    pr: ["claude-haiku-4.5"],
    match: {
      "models-dev": g("anthropic:claude-haiku-4-5", "anthropic:claude-haiku-4-5-20251001"),
      "genai-prices": g("anthropic:claude-haiku-4-5"),
      litellm: g("claude-haiku-4-5", "claude-haiku-4-5-20251001"),
      "llm-prices": g("claude-4.5-haiku"),
      openrouter: g("anthropic/claude-haiku-4.5"),
    },
  },
  {
    ticker: "HAIKU-3.5",
    display_name: "Claude Haiku 3.5",
    provider: "anthropic",
    pr: ["claude-3.5-haiku"],
    match: {
      "genai-prices": g("anthropic:claude-3-5-haiku-latest"),
      "llm-prices": g("claude-3.5-haiku"),
      openrouter: g("anthropic/claude-3.5-haiku"),
    },
  },
  {
    ticker: "HAIKU-3",
    display_name: "Claude Haiku 3",
    provider: "anthropic",
    pr: ["claude-3-haiku"],
    match: {
      "models-dev": g("anthropic:claude-3-haiku-20240307"),
      "genai-prices": g("anthropic:claude-3-haiku"),
      litellm: g("claude-3-haiku-20240307"),
      "llm-prices": g("claude-3-haiku"),
      openrouter: g("anthropic/claude-3-haiku"),
    },
  },

  // ---------------- OpenAI
  {
    ticker: "GPT-5.6-SOL",
    display_name: "GPT-5.6 Sol",
    provider: "openai",
    pr: ["gpt-5.6-sol"],
    match: { "genai-prices": g("openai:gpt-5.6-sol"), litellm: g("gpt-5.6-sol"), "llm-prices": g("gpt-5.6-sol") },
  },
  {
    ticker: "GPT-5.6-TERRA",
    display_name: "GPT-5.6 Terra",
    provider: "openai",
    pr: ["gpt-5.6-terra"],
    match: { "genai-prices": g("openai:gpt-5.6-terra"), litellm: g("gpt-5.6-terra"), "llm-prices": g("gpt-5.6-terra") },
  },
  {
    ticker: "GPT-5.6-LUNA",
    display_name: "GPT-5.6 Luna",
    provider: "openai",
    pr: ["gpt-5.6-luna"],
    match: { "genai-prices": g("openai:gpt-5.6-luna"), litellm: g("gpt-5.6-luna"), "llm-prices": g("gpt-5.6-luna") },
  },
  {
    ticker: "GPT-5.5",
    display_name: "GPT-5.5",
    provider: "openai",
    pr: ["gpt-5.5"],
    match: {
      "models-dev": g("openai:gpt-5.5"),
      "genai-prices": g("openai:gpt-5.5"),
      litellm: g("gpt-5.5", "gpt-5.5-2026-04-23"),
      "llm-prices": g("gpt-5.5"),
      openrouter: g("openai/gpt-5.5"),
    },
  },
  {
    ticker: "GPT-5.5-PRO",
    display_name: "GPT-5.5 Pro",
    provider: "openai",
    match: {
      "models-dev": g("openai:gpt-5.5-pro"),
      "genai-prices": g("openai:gpt-5.5-pro"),
      litellm: g("gpt-5.5-pro", "gpt-5.5-pro-2026-04-23"),
      "llm-prices": g("gpt-5.5-pro"),
      openrouter: g("openai/gpt-5.5-pro"),
    },
  },
  {
    ticker: "GPT-5.4",
    display_name: "GPT-5.4",
    provider: "openai",
    pr: ["gpt-5.4"],
    match: {
      "models-dev": g("openai:gpt-5.4"),
      "genai-prices": g("openai:gpt-5.4"),
      litellm: g("gpt-5.4", "gpt-5.4-2026-03-05"),
      "llm-prices": g("gpt-5.4"),
      openrouter: g("openai/gpt-5.4"),
    },
  },
  {
    ticker: "GPT-5.4-PRO",
    display_name: "GPT-5.4 Pro",
    provider: "openai",
    match: {
      "models-dev": g("openai:gpt-5.4-pro"),
      "genai-prices": g("openai:gpt-5.4-pro"),
      litellm: g("gpt-5.4-pro", "gpt-5.4-pro-2026-03-05"),
      "llm-prices": g("gpt-5.4-pro"),
      openrouter: g("openai/gpt-5.4-pro"),
    },
  },
  {
    ticker: "GPT-5.4-MINI",
    display_name: "GPT-5.4 mini",
    provider: "openai",
    match: {
      "models-dev": g("openai:gpt-5.4-mini"),
      "genai-prices": g("openai:gpt-5.4-mini"),
      litellm: g("gpt-5.4-mini", "gpt-5.4-mini-2026-03-17"),
      "llm-prices": g("gpt-5.4-mini"),
      openrouter: g("openai/gpt-5.4-mini"),
    },
  },
  {
    ticker: "GPT-5.4-NANO",
    display_name: "GPT-5.4 nano",
    provider: "openai",
    match: {
      "models-dev": g("openai:gpt-5.4-nano"),
      "genai-prices": g("openai:gpt-5.4-nano"),
      litellm: g("gpt-5.4-nano", "gpt-5.4-nano-2026-03-17"),
      "llm-prices": g("gpt-5.4-nano"),
      openrouter: g("openai/gpt-5.4-nano"),
    },
  },
  {
    ticker: "GPT-5.3-CODEX",
    display_name: "GPT-5.3-Codex",
    provider: "openai",
    match: {
      "models-dev": g("openai:gpt-5.3-codex"),
      "genai-prices": g("openai:gpt-5.3-codex"),
      litellm: g("gpt-5.3-codex"),
      openrouter: g("openai/gpt-5.3-codex"),
    },
  },
  {
    ticker: "GPT-5.2",
    display_name: "GPT-5.2",
    provider: "openai",
    pr: ["gpt-5.2"],
    match: {
      "models-dev": g("openai:gpt-5.2"),
      "genai-prices": g("openai:gpt-5.2"),
      litellm: g("gpt-5.2", "gpt-5.2-2025-12-11"),
      "llm-prices": g("gpt-5.2"),
      openrouter: g("openai/gpt-5.2"),
    },
  },
  {
    ticker: "GPT-5.2-PRO",
    display_name: "GPT-5.2 Pro",
    provider: "openai",
    match: {
      "models-dev": g("openai:gpt-5.2-pro"),
      "genai-prices": g("openai:gpt-5.2-pro"),
      litellm: g("gpt-5.2-pro", "gpt-5.2-pro-2025-12-11"),
      "llm-prices": g("gpt-5.2-pro"),
      openrouter: g("openai/gpt-5.2-pro"),
    },
  },
  {
    ticker: "GPT-5.1",
    display_name: "GPT-5.1",
    provider: "openai",
    pr: ["gpt-5.1"],
    match: {
      "models-dev": g("openai:gpt-5.1"),
      "genai-prices": g("openai:gpt-5.1"),
      litellm: g("gpt-5.1", "gpt-5.1-2025-11-13"),
      "llm-prices": g("gpt-5.1"),
      openrouter: g("openai/gpt-5.1"),
    },
  },
  {
    ticker: "GPT-5",
    display_name: "GPT-5",
    provider: "openai",
    pr: ["gpt-5"],
    match: {
      "models-dev": g("openai:gpt-5"),
      "genai-prices": g("openai:gpt-5"),
      litellm: g("gpt-5", "gpt-5-2025-08-07"),
      "llm-prices": g("gpt-5"),
      openrouter: g("openai/gpt-5"),
    },
  },
  {
    ticker: "GPT-5-PRO",
    display_name: "GPT-5 Pro",
    provider: "openai",
    match: {
      "models-dev": g("openai:gpt-5-pro"),
      "genai-prices": g("openai:gpt-5-pro"),
      litellm: g("gpt-5-pro", "gpt-5-pro-2025-10-06"),
      "llm-prices": g("gpt-5-pro"),
      openrouter: g("openai/gpt-5-pro"),
    },
  },
  {
    ticker: "GPT-5-MINI",
    display_name: "GPT-5 mini",
    provider: "openai",
    pr: ["gpt-5-mini"],
    match: {
      "models-dev": g("openai:gpt-5-mini"),
      "genai-prices": g("openai:gpt-5-mini"),
      litellm: g("gpt-5-mini", "gpt-5-mini-2025-08-07"),
      "llm-prices": g("gpt-5-mini"),
      openrouter: g("openai/gpt-5-mini"),
    },
  },
  {
    ticker: "GPT-5-NANO",
    display_name: "GPT-5 nano",
    provider: "openai",
    pr: ["gpt-5-nano"],
    match: {
      "models-dev": g("openai:gpt-5-nano"),
      "genai-prices": g("openai:gpt-5-nano"),
      litellm: g("gpt-5-nano", "gpt-5-nano-2025-08-07"),
      "llm-prices": g("gpt-5-nano"),
      openrouter: g("openai/gpt-5-nano"),
    },
  },
  {
    ticker: "GPT-4.1",
    display_name: "GPT-4.1",
    provider: "openai",
    pr: ["gpt-4.1"],
    match: {
      "models-dev": g("openai:gpt-4.1"),
      "genai-prices": g("openai:gpt-4.1"),
      litellm: g("gpt-4.1", "gpt-4.1-2025-04-14"),
      "llm-prices": g("gpt-4.1"),
      openrouter: g("openai/gpt-4.1"),
    },
  },
  {
    ticker: "GPT-4.1-MINI",
    display_name: "GPT-4.1 mini",
    provider: "openai",
    pr: ["gpt-4.1-mini"],
    match: {
      "models-dev": g("openai:gpt-4.1-mini"),
      "genai-prices": g("openai:gpt-4.1-mini"),
      litellm: g("gpt-4.1-mini", "gpt-4.1-mini-2025-04-14"),
      "llm-prices": g("gpt-4.1-mini"),
      openrouter: g("openai/gpt-4.1-mini"),
    },
  },
  {
    ticker: "GPT-4.1-NANO",
    display_name: "GPT-4.1 nano",
    provider: "openai",
    pr: ["gpt-4.1-nano"],
    match: {
      "models-dev": g("openai:gpt-4.1-nano"),
      "genai-prices": g("openai:gpt-4.1-nano"),
      litellm: g("gpt-4.1-nano", "gpt-4.1-nano-2025-04-14"),
      "llm-prices": g("gpt-4.1-nano"),
      openrouter: g("openai/gpt-4.1-nano"),
    },
  },
  {
    ticker: "GPT-4O",
    display_name: "GPT-4o",
    provider: "openai",
    pr: ["gpt-4o"],
    match: {
      "models-dev": g("openai:gpt-4o", "openai:gpt-4o-2024-08-06", "openai:gpt-4o-2024-11-20"),
      "genai-prices": g("openai:gpt-4o"),
      litellm: g("gpt-4o", "gpt-4o-2024-08-06", "gpt-4o-2024-11-20"),
      "llm-prices": g("gpt-4o"),
      openrouter: g("openai/gpt-4o", "openai/gpt-4o-2024-08-06", "openai/gpt-4o-2024-11-20"),
    },
    notes: ["gpt-4o-2024-05-13 (the $5/$15 launch snapshot) is a different price point and is not matched"],
  },
  {
    ticker: "GPT-4O-MINI",
    display_name: "GPT-4o mini",
    provider: "openai",
    pr: ["gpt-4o-mini"],
    match: {
      "models-dev": g("openai:gpt-4o-mini"),
      "genai-prices": g("openai:gpt-4o-mini"),
      litellm: g("gpt-4o-mini", "gpt-4o-mini-2024-07-18"),
      "llm-prices": g("gpt-4o-mini"),
      openrouter: g("openai/gpt-4o-mini", "openai/gpt-4o-mini-2024-07-18"),
    },
  },
  {
    ticker: "GPT-4-TURBO",
    display_name: "GPT-4 Turbo",
    provider: "openai",
    pr: ["gpt-4-turbo"],
    tokenizer: "cl100k_base",
    match: {
      "models-dev": g("openai:gpt-4-turbo"),
      "genai-prices": g("openai:gpt-4-turbo"),
      litellm: g(
        "gpt-4-turbo",
        "gpt-4-turbo-2024-04-09",
        "gpt-4-turbo-preview",
        "gpt-4-1106-preview",
        "gpt-4-0125-preview",
      ),
      openrouter: g("openai/gpt-4-turbo", "openai/gpt-4-turbo-preview", "openai/gpt-4-1106-preview"),
    },
  },
  {
    ticker: "GPT-4",
    display_name: "GPT-4",
    provider: "openai",
    pr: ["gpt-4"],
    tokenizer: "cl100k_base",
    match: {
      "models-dev": g("openai:gpt-4"),
      "genai-prices": g("openai:gpt-4"),
      litellm: g("gpt-4", "gpt-4-0613", "gpt-4-0314"),
      openrouter: g("openai/gpt-4", "openai/gpt-4-0314"),
    },
  },
  {
    ticker: "GPT-3.5-TURBO",
    display_name: "GPT-3.5 Turbo",
    provider: "openai",
    pr: ["gpt-3.5-turbo"],
    tokenizer: "cl100k_base",
    match: {
      "models-dev": g("openai:gpt-3.5-turbo"),
      "genai-prices": g("openai:gpt-3.5-turbo"),
      litellm: g("gpt-3.5-turbo", "gpt-3.5-turbo-0125"),
      openrouter: g("openai/gpt-3.5-turbo"),
    },
  },
  {
    ticker: "O1",
    display_name: "o1",
    provider: "openai",
    pr: ["o1"],
    match: {
      "models-dev": g("openai:o1"),
      "genai-prices": g("openai:o1"),
      litellm: g("o1-2024-12-17"),
      "llm-prices": g("o1-preview"),
      openrouter: g("openai/o1"),
    },
  },
  {
    ticker: "O1-PRO",
    display_name: "o1-pro",
    provider: "openai",
    match: {
      "models-dev": g("openai:o1-pro"),
      "genai-prices": g("openai:o1-pro"),
      litellm: g("o1-pro", "o1-pro-2025-03-19"),
      "llm-prices": g("o1-pro"),
      openrouter: g("openai/o1-pro"),
    },
  },
  {
    ticker: "O3",
    display_name: "o3",
    provider: "openai",
    pr: ["o3"],
    match: {
      "models-dev": g("openai:o3"),
      "genai-prices": g("openai:o3"),
      litellm: g("o3", "o3-2025-04-16"),
      "llm-prices": g("o3"),
      openrouter: g("openai/o3"),
    },
  },
  {
    ticker: "O3-PRO",
    display_name: "o3-pro",
    provider: "openai",
    match: {
      "models-dev": g("openai:o3-pro"),
      "genai-prices": g("openai:o3-pro"),
      litellm: g("o3-pro", "o3-pro-2025-06-10"),
      "llm-prices": g("o3-pro"),
      openrouter: g("openai/o3-pro"),
    },
  },
  {
    ticker: "O3-MINI",
    display_name: "o3-mini",
    provider: "openai",
    pr: ["o3-mini"],
    match: {
      "models-dev": g("openai:o3-mini"),
      "genai-prices": g("openai:o3-mini"),
      litellm: g("o3-mini", "o3-mini-2025-01-31"),
      "llm-prices": g("o3-mini"),
      openrouter: g("openai/o3-mini", "openai/o3-mini-high"),
    },
  },
  {
    ticker: "O4-MINI",
    display_name: "o4-mini",
    provider: "openai",
    pr: ["o4-mini"],
    match: {
      "models-dev": g("openai:o4-mini"),
      "genai-prices": g("openai:o4-mini"),
      litellm: g("o4-mini", "o4-mini-2025-04-16"),
      "llm-prices": g("o4-mini"),
      openrouter: g("openai/o4-mini", "openai/o4-mini-high"),
    },
  },

  // ---------------- Google
  {
    ticker: "GEMINI-3.7-FLASH",
    display_name: "Gemini 3.7 Flash",
    provider: "google",
    match: { "genai-prices": g("google:gemini-3.7-flash") },
    release: { date: "2026-08-21", basis: "upper bound: only genai-prices (2026-08-21) lists it" },
    reasoning: true,
    reasoningBasis: "not stated by its single source; every Gemini 3.x Flash model in models.dev and LiteLLM reasons",
    notes: ["single source (genai-prices)"],
  },
  {
    ticker: "GEMINI-3.6-FLASH",
    display_name: "Gemini 3.6 Flash",
    provider: "google",
    pr: ["gemini-3.6-flash"],
    match: {
      "genai-prices": g("google:gemini-3.6-flash"),
      litellm: g("gemini-3.6-flash"),
      "llm-prices": g("gemini-3.6-flash"),
    },
    release: {
      date: "2026-07-24",
      basis:
        "upper bound: first archive listing it (LiteLLM 2026-07-24); absent from models.dev and OpenRouter on 2026-07-02",
    },
  },
  {
    ticker: "GEMINI-3.5-FLASH",
    display_name: "Gemini 3.5 Flash",
    provider: "google",
    match: {
      "models-dev": g("google:gemini-3.5-flash"),
      "genai-prices": g("google:gemini-3.5-flash"),
      litellm: g("gemini-3.5-flash"),
      "llm-prices": g("gemini-3.5-flash"),
    },
  },
  {
    ticker: "GEMINI-3.5-FLASH-LITE",
    display_name: "Gemini 3.5 Flash-Lite",
    provider: "google",
    match: {
      "genai-prices": g("google:gemini-3.5-flash-lite"),
      litellm: g("gemini-3.5-flash-lite"),
      "llm-prices": g("gemini-3.5-flash-lite"),
    },
    release: {
      date: "2026-07-24",
      basis:
        "upper bound: first archive listing it (LiteLLM 2026-07-24); absent from models.dev and OpenRouter on 2026-07-02",
    },
  },
  {
    ticker: "GEMINI-3.1-PRO",
    display_name: "Gemini 3.1 Pro",
    provider: "google",
    match: {
      "models-dev": g("google:gemini-3.1-pro-preview"),
      "genai-prices": g("google:gemini-3.1-pro-preview"),
      litellm: g("gemini-3.1-pro-preview"),
      "llm-prices": g("gemini-3-1-pro-preview"),
      openrouter: g("google/gemini-3.1-pro-preview"),
    },
  },
  {
    ticker: "GEMINI-3.1-FLASH-LITE",
    display_name: "Gemini 3.1 Flash-Lite",
    provider: "google",
    match: {
      "models-dev": g("google:gemini-3.1-flash-lite", "google:gemini-3.1-flash-lite-preview"),
      "genai-prices": g("google:gemini-3.1-flash-lite"),
      litellm: g("gemini-3.1-flash-lite", "gemini-3.1-flash-lite-preview"),
      "llm-prices": g("gemini-3.1-flash-lite-preview"),
      openrouter: g("google/gemini-3.1-flash-lite", "google/gemini-3.1-flash-lite-preview"),
    },
  },
  {
    ticker: "GEMINI-3-PRO",
    display_name: "Gemini 3 Pro",
    provider: "google",
    pr: ["gemini-3-pro"],
    match: {
      "models-dev": g("google:gemini-3-pro-preview"),
      "genai-prices": g("google:gemini-3-pro-preview"),
      litellm: g("gemini-3-pro-preview"),
      "llm-prices": g("gemini-3-pro-preview"),
    },
  },
  {
    ticker: "GEMINI-3-FLASH",
    display_name: "Gemini 3 Flash",
    provider: "google",
    pr: ["gemini-3-flash"],
    match: {
      "models-dev": g("google:gemini-3-flash-preview"),
      "genai-prices": g("google:gemini-3-flash-preview"),
      litellm: g("gemini-3-flash", "gemini-3-flash-preview"),
      "llm-prices": g("gemini-3-flash-preview"),
      openrouter: g("google/gemini-3-flash-preview"),
    },
  },
  {
    ticker: "GEMINI-2.5-PRO",
    display_name: "Gemini 2.5 Pro",
    provider: "google",
    pr: ["gemini-2.5-pro"],
    match: {
      "models-dev": g("google:gemini-2.5-pro"),
      "genai-prices": g("google:gemini-2.5-pro"),
      litellm: g("gemini-2.5-pro"),
      "llm-prices": g("gemini-2.5-pro"),
      openrouter: g("google/gemini-2.5-pro"),
    },
  },
  {
    ticker: "GEMINI-2.5-FLASH",
    display_name: "Gemini 2.5 Flash",
    provider: "google",
    pr: ["gemini-2.5-flash"],
    match: {
      "models-dev": g("google:gemini-2.5-flash"),
      "genai-prices": g("google:gemini-2.5-flash"),
      litellm: g("gemini-2.5-flash"),
      "llm-prices": g("gemini-2.5-flash"),
      openrouter: g("google/gemini-2.5-flash"),
    },
  },
  {
    ticker: "GEMINI-2.5-FLASH-LITE",
    display_name: "Gemini 2.5 Flash-Lite",
    provider: "google",
    pr: ["gemini-2.5-flash-lite"],
    match: {
      "models-dev": g("google:gemini-2.5-flash-lite"),
      "genai-prices": g("google:gemini-2.5-flash-lite"),
      litellm: g("gemini-2.5-flash-lite"),
      "llm-prices": g("gemini-2.5-flash-lite"),
      openrouter: g("google/gemini-2.5-flash-lite"),
    },
  },
  {
    ticker: "GEMINI-2.0-FLASH",
    display_name: "Gemini 2.0 Flash",
    provider: "google",
    pr: ["gemini-2.0-flash"],
    match: {
      "models-dev": g("google:gemini-2.0-flash"),
      "genai-prices": g("google:gemini-2.0-flash"),
      litellm: g("gemini-2.0-flash"),
      "llm-prices": g("gemini-2.0-flash"),
      openrouter: g("google/gemini-2.0-flash-001"),
    },
  },

  // ---------------- xAI
  {
    ticker: "GROK-4.5",
    display_name: "Grok 4.5",
    provider: "xai",
    pr: ["grok-4.5"],
    match: { "genai-prices": g("x-ai:grok-4.5"), litellm: g("grok-4.5"), "llm-prices": g("grok-4.5") },
  },
  {
    ticker: "GROK-4.3",
    display_name: "Grok 4.3",
    provider: "xai",
    match: {
      "models-dev": g("xai:grok-4.3"),
      "genai-prices": g("x-ai:grok-4.3"),
      litellm: g("grok-4.3"),
      "llm-prices": g("grok-4.3"),
      openrouter: g("x-ai/grok-4.3"),
    },
  },
  {
    ticker: "GROK-4.20",
    display_name: "Grok 4.20",
    provider: "xai",
    match: {
      "models-dev": g("xai:grok-4.20-0309-reasoning", "xai:grok-4.20-0309-non-reasoning"),
      "genai-prices": g("x-ai:grok-4.20"),
      litellm: g("grok-4.20-0309-reasoning", "grok-4.20-0309-non-reasoning"),
      "llm-prices": g("grok-4.20-0309-reasoning", "grok-4.20-0309-non-reasoning"),
      openrouter: g("x-ai/grok-4.20"),
    },
    notes: ["reasoning and non-reasoning variants are priced alike and share the ticker"],
  },
  {
    ticker: "GROK-4.20-MULTI-AGENT",
    display_name: "Grok 4.20 Multi-Agent",
    provider: "xai",
    match: {
      "models-dev": g("xai:grok-4.20-multi-agent-0309"),
      "genai-prices": g("x-ai:grok-4.20-multi-agent"),
      litellm: g("grok-4.20-multi-agent-0309"),
      "llm-prices": g("grok-4.20-multi-agent-0309"),
      openrouter: g("x-ai/grok-4.20-multi-agent"),
    },
  },
  {
    ticker: "GROK-BUILD-0.1",
    display_name: "Grok Build 0.1",
    provider: "xai",
    match: {
      "models-dev": g("xai:grok-build-0.1"),
      "genai-prices": g("x-ai:grok-build-0.1"),
      litellm: g("grok-build-0.1"),
      "llm-prices": g("grok-build-0.1"),
    },
  },
  {
    ticker: "GROK-4.1-FAST",
    display_name: "Grok 4.1 Fast",
    provider: "xai",
    match: {
      openrouter: g("x-ai/grok-4.1-fast"),
      "genai-prices": g("x-ai:grok-4-1-fast-reasoning", "x-ai:grok-4-1-fast-non-reasoning"),
    },
  },
  {
    ticker: "GROK-4-FAST",
    display_name: "Grok 4 Fast",
    provider: "xai",
    pr: ["grok-4-fast"],
    match: {
      openrouter: g("x-ai/grok-4-fast"),
      "genai-prices": g("x-ai:grok-4-fast-reasoning", "x-ai:grok-4-fast-non-reasoning"),
      "llm-prices": g("grok-4-fast", "grok-4-fast-reasoning"),
    },
  },
  {
    ticker: "GROK-4",
    display_name: "Grok 4",
    provider: "xai",
    pr: ["grok-4"],
    match: { openrouter: g("x-ai/grok-4"), "genai-prices": g("x-ai:grok-4-0709"), "llm-prices": g("grok-4") },
  },
  {
    ticker: "GROK-3",
    display_name: "Grok 3",
    provider: "xai",
    pr: ["grok-3"],
    match: {
      openrouter: g("x-ai/grok-3", "x-ai/grok-3-beta"),
      "genai-prices": g("x-ai:grok-3"),
      "llm-prices": g("grok-3"),
    },
  },
  {
    ticker: "GROK-3-MINI",
    display_name: "Grok 3 Mini",
    provider: "xai",
    pr: ["grok-3-mini"],
    match: {
      openrouter: g("x-ai/grok-3-mini", "x-ai/grok-3-mini-beta"),
      "genai-prices": g("x-ai:grok-3-mini"),
      "llm-prices": g("grok-3-mini"),
    },
  },
  {
    ticker: "GROK-CODE-FAST-1",
    display_name: "Grok Code Fast 1",
    provider: "xai",
    pr: ["grok-code-fast-1"],
    match: {
      openrouter: g("x-ai/grok-code-fast-1"),
      "genai-prices": g("x-ai:grok-code-fast-1"),
      "llm-prices": g("grok-code-fast-1"),
    },
  },

  // ---------------- Mistral
  {
    ticker: "MISTRAL-LARGE-3",
    display_name: "Mistral Large 3",
    provider: "mistral",
    pr: ["mistral-large-3"],
    match: {
      "models-dev": g("mistral:mistral-large-2512"),
      "genai-prices": g("mistral:mistral-large-2512"),
      openrouter: g("mistralai/mistral-large-2512"),
    },
  },
  {
    ticker: "MISTRAL-LARGE-2",
    display_name: "Mistral Large 2 (24.11)",
    provider: "mistral",
    pr: ["mistral-large-2"],
    match: {
      "models-dev": g("mistral:mistral-large-2411"),
      "genai-prices": g("mistral:mistral-large"),
      "llm-prices": g("mistral-large-latest"),
      openrouter: g("mistralai/mistral-large-2411", "mistralai/mistral-large-2407", "mistralai/mistral-large"),
    },
    notes: [
      'the readme\'s "Mistral Large" at $6 output; llm-prices still files it under mistral-large-latest (named "Mistral Large 24.11")',
    ],
  },
  {
    ticker: "MISTRAL-MEDIUM-3.5",
    display_name: "Mistral Medium 3.5",
    provider: "mistral",
    pr: ["mistral-medium-3.5"],
    match: { "models-dev": g("mistral:mistral-medium-2604"), openrouter: g("mistralai/mistral-medium-3-5") },
    release: {
      date: "2026-04-29",
      basis:
        "models.dev release_date, corroborated by OpenRouter's listing on 2026-04-30; public-record's snapshot-only launch date 2026-06-16 is later than OpenRouter's listing",
    },
  },
  {
    ticker: "MISTRAL-MEDIUM-3.1",
    display_name: "Mistral Medium 3.1",
    provider: "mistral",
    match: { "models-dev": g("mistral:mistral-medium-2508"), openrouter: g("mistralai/mistral-medium-3.1") },
    meta: {
      context: 131072,
      max_output: 131072,
      reasoning: false,
      basis:
        "Mistral documents a 128k window for mistral-medium-2508, as OpenRouter lists (131072); models.dev's 262144 for both window and output is not the provider's figure. No archive gives the output limit: set to the window (an upper bound)",
    },
  },
  {
    ticker: "MISTRAL-MEDIUM-3",
    display_name: "Mistral Medium 3",
    provider: "mistral",
    pr: ["mistral-medium-3"],
    match: {
      "models-dev": g("mistral:mistral-medium-2505"),
      "genai-prices": g("mistral:mistral-medium-3"),
      "llm-prices": g("mistral-medium-2505"),
      openrouter: g("mistralai/mistral-medium-3"),
    },
  },
  {
    ticker: "MISTRAL-SMALL-4",
    display_name: "Mistral Small 4",
    provider: "mistral",
    match: {
      "models-dev": g("mistral:mistral-small-2603"),
      "genai-prices": g("mistral:mistral-small-2603"),
      openrouter: g("mistralai/mistral-small-2603"),
    },
  },
  {
    ticker: "MISTRAL-SMALL-3.2",
    display_name: "Mistral Small 3.2",
    provider: "mistral",
    match: {
      "models-dev": g("mistral:mistral-small-2506"),
      "genai-prices": g("mistral:mistral-small-latest"),
      openrouter: g("mistralai/mistral-small-3.2-24b-instruct"),
    },
  },
  {
    ticker: "CODESTRAL-2508",
    display_name: "Codestral 25.08",
    provider: "mistral",
    match: { "genai-prices": g("mistral:codestral-2508"), openrouter: g("mistralai/codestral-2508") },
  },

  // ---------------- DeepSeek
  {
    ticker: "DEEPSEEK-V4-FLASH",
    display_name: "DeepSeek V4 Flash",
    provider: "deepseek",
    pr: ["deepseek-v4-flash"],
    notes: [
      "the public record's peak-hour pricing $0.22/$0.66 from 2026-08-17 (citing genai-prices deepseek.yml) is in no genai-prices version (the eight v2 commits 2026-07-30 → 2026-08-21 all price it 0.14/0.28): left out of the history (data/curation.json), no window encoded",
    ],
    match: {
      "models-dev": g("deepseek:deepseek-v4-flash", "deepseek:deepseek-chat", "deepseek:deepseek-reasoner"),
      "genai-prices": g("deepseek:deepseek-v4-flash"),
      litellm: g("deepseek-v4-flash"),
      "llm-prices": g("deepseek-v4-flash"),
      openrouter: g("deepseek/deepseek-v4-flash"),
    },
  },
  {
    ticker: "DEEPSEEK-V4-PRO",
    display_name: "DeepSeek V4 Pro",
    provider: "deepseek",
    match: {
      "models-dev": g("deepseek:deepseek-v4-pro"),
      "genai-prices": g("deepseek:deepseek-v4-pro"),
      litellm: g("deepseek-v4-pro"),
      "llm-prices": g("deepseek-v4-pro"),
      openrouter: g("deepseek/deepseek-v4-pro"),
    },
  },
  {
    ticker: "DEEPSEEK-V3.2",
    display_name: "DeepSeek V3.2",
    provider: "deepseek",
    pr: ["deepseek-v3.2"],
    match: {
      litellm: g("deepseek-chat", "deepseek-reasoner"),
      "genai-prices": g("deepseek:deepseek-v3.2"),
      openrouter: g("deepseek/deepseek-v3.2"),
    },
    release: { date: "2025-09-29", basis: "public record: V3.2-Exp price cut that made V3.2 the deepseek-chat model" },
  },
  {
    ticker: "DEEPSEEK-V3",
    display_name: "DeepSeek V3",
    provider: "deepseek",
    pr: ["deepseek-v3"],
    match: {
      "genai-prices": g("deepseek:deepseek-chat"),
      "llm-prices": g("deepseek-chat"),
      openrouter: g("deepseek/deepseek-chat"),
    },
  },
  {
    ticker: "DEEPSEEK-R1",
    display_name: "DeepSeek R1",
    provider: "deepseek",
    pr: ["deepseek-r1"],
    match: {
      "genai-prices": g("deepseek:deepseek-reasoner"),
      "llm-prices": g("deepseek-reasoner"),
      openrouter: g("deepseek/deepseek-r1", "deepseek/deepseek-r1-0528"),
    },
  },

  // ---------------- Meta (composites of host prices)
  {
    ticker: "LLAMA-4-MAVERICK",
    tokenizer: "estimate:llama4",
    display_name: "Llama 4 Maverick (composite)",
    provider: "meta",
    label: "composite: median of host prices",
    meta: {
      context: 1048576,
      max_output: 16384,
      reasoning: false,
      basis: "OpenRouter meta-llama/llama-4-maverick (context_length, top provider max_completion_tokens)",
    },
    release: { date: "2025-04-05", basis: "OpenRouter meta-llama/llama-4-maverick created" },
  },
  {
    ticker: "LLAMA-4-SCOUT",
    tokenizer: "estimate:llama4",
    display_name: "Llama 4 Scout (composite)",
    provider: "meta",
    label: "composite: median of host prices",
    meta: {
      context: 327680,
      max_output: 16384,
      reasoning: false,
      basis: "OpenRouter meta-llama/llama-4-scout (context_length, top provider max_completion_tokens)",
    },
    release: { date: "2025-04-05", basis: "OpenRouter meta-llama/llama-4-scout created" },
  },
  {
    ticker: "LLAMA-3.3-70B",
    display_name: "Llama 3.3 70B (composite)",
    provider: "meta",
    label: "composite: median of host prices",
    meta: {
      context: 131072,
      max_output: 16384,
      reasoning: false,
      basis: "OpenRouter meta-llama/llama-3.3-70b-instruct (context_length, top provider max_completion_tokens)",
    },
    release: { date: "2024-12-06", basis: "models.dev and OpenRouter release date" },
  },
];

/**
 * Public-record models kept in the history only (retired before the archives' time; no complete metadata in any
 * archive).
 */
export const HISTORY_ONLY: Record<string, { ticker: string; family: string; provider: Provider }> = {
  "gpt-4-32k": { ticker: "GPT-4-32K", family: "openai-gpt4-32k", provider: "openai" },
  "gemini-1.5-flash": { ticker: "GEMINI-1.5-FLASH", family: "google-flash", provider: "google" },
  "gemini-1.5-pro": { ticker: "GEMINI-1.5-PRO", family: "google-pro", provider: "google" },
  "grok-beta": { ticker: "GROK-BETA", family: "xai-grok", provider: "xai" },
  "grok-2": { ticker: "GROK-2", family: "xai-grok", provider: "xai" },
  "mistral-large": { ticker: "MISTRAL-LARGE-1", family: "mistral-large", provider: "mistral" },
  "deepseek-v3.1": { ticker: "DEEPSEEK-V3.1", family: "deepseek-chat", provider: "deepseek" },
};

/**
 * Default tokenizer per provider: OpenAI's own (o200k_base from GPT-4o on); the published vocabulary where there is
 * one (Llama 3, Mistral Tekken, DeepSeek V3, and Gemma 3 for Gemini, which is reported to share it); a named
 * estimate where the vendor publishes none.
 */
export const DEFAULT_TOKENIZER: Record<Provider, string> = {
  openai: "o200k_base",
  anthropic: "estimate:claude",
  google: "gemma3",
  xai: "estimate:grok",
  mistral: "tekken",
  deepseek: "deepseek-v3",
  meta: "llama3",
};
