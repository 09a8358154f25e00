/** The models named in seeds/oracle-readme.txt ("Models Tracked"), each with the ticker that keeps its row. */
export const README_MODELS: ReadonlyArray<{ provider: string; name: string; ticker: string }> = Object.freeze([
  ...["Opus 4.6", "Opus 4.5", "Opus 4.1", "Opus 4", "Sonnet 4.5", "Sonnet 4", "Haiku 4.5", "Haiku 3.5", "Haiku 3"].map(
    (name) => ({
      provider: "Anthropic",
      name,
      ticker: name.toUpperCase().replace(" ", "-"),
    }),
  ),
  ...[
    ["GPT-4.1", "GPT-4.1"],
    ["GPT-4.1 mini", "GPT-4.1-MINI"],
    ["GPT-4.1 nano", "GPT-4.1-NANO"],
    ["GPT-4o", "GPT-4O"],
    ["GPT-4o mini", "GPT-4O-MINI"],
    ["o3", "O3"],
    ["o3-mini", "O3-MINI"],
    ["o4-mini", "O4-MINI"],
    ["GPT-5", "GPT-5"],
    ["GPT-5.1", "GPT-5.1"],
    ["GPT-5.2", "GPT-5.2"],
    ["GPT-5 mini", "GPT-5-MINI"],
  ].map(([name, ticker]) => ({ provider: "OpenAI", name: name!, ticker: ticker! })),
  ...[
    ["Gemini 2.5 Pro", "GEMINI-2.5-PRO"],
    ["Gemini 2.5 Flash", "GEMINI-2.5-FLASH"],
    ["Gemini 2.0 Flash", "GEMINI-2.0-FLASH"],
    ["Gemini 3 Pro", "GEMINI-3-PRO"],
    ["Gemini 3 Flash", "GEMINI-3-FLASH"],
  ].map(([name, ticker]) => ({ provider: "Google", name: name!, ticker: ticker! })),
  ...[
    ["Grok 4", "GROK-4"],
    ["Grok 4 Fast", "GROK-4-FAST"],
    ["Grok 3", "GROK-3"],
    ["Grok 3 mini", "GROK-3-MINI"],
    ["Grok 4.1 Fast", "GROK-4.1-FAST"],
  ].map(([name, ticker]) => ({ provider: "xAI", name: name!, ticker: ticker! })),
  // The readme's "Mistral Large" is priced at $6 output: Mistral Large 2 (24.11).
  { provider: "Mistral", name: "Mistral Large", ticker: "MISTRAL-LARGE-2" },
  // The readme prices both DeepSeek models at $0.42 output: the deepseek-chat/-reasoner aliases at V3.2 pricing.
  { provider: "DeepSeek", name: "DeepSeek V3", ticker: "DEEPSEEK-V3.2" },
  { provider: "DeepSeek", name: "DeepSeek R1", ticker: "DEEPSEEK-R1" },
]);
