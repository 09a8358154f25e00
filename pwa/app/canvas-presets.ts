import type { TaskClass } from "../../oracle-core/planning";

/** A typical system to start the System Canvas from (percentages and USD as a person would type them). */
export interface CanvasPreset {
  id: string;
  name: string;
  description: string;
  calls: number;
  mix: Record<TaskClass, number>;
  allocation: Array<{ ticker: string; weight: number }>;
  revenue: number;
  overhead: number;
  fixed: number;
}

/** Presets for common architectures; shown only when every ticker is in the snapshot. */
export const CANVAS_PRESETS: readonly CanvasPreset[] = [
  {
    id: "gsd",
    name: "GSD — agentic coding",
    description: "Coding agent: many long-context and reasoning steps per task.",
    calls: 60_000,
    mix: { simple: 20, medium: 30, complex: 30, reasoning: 20 },
    allocation: [
      { ticker: "SONNET-4.5", weight: 50 },
      { ticker: "HAIKU-4.5", weight: 30 },
      { ticker: "GPT-5", weight: 20 },
    ],
    revenue: 0.25,
    overhead: 0.01,
    fixed: 3_000,
  },
  {
    id: "saas",
    name: "SaaS — AI features in a product",
    description: "High volume of short calls inside an app.",
    calls: 500_000,
    mix: { simple: 50, medium: 35, complex: 10, reasoning: 5 },
    allocation: [
      { ticker: "GPT-4.1-MINI", weight: 50 },
      { ticker: "GPT-4.1", weight: 30 },
      { ticker: "HAIKU-4.5", weight: 20 },
    ],
    revenue: 0.02,
    overhead: 0.002,
    fixed: 5_000,
  },
  {
    id: "trading",
    name: "Trading — high-value analytics",
    description: "Few, expensive, long-context and reasoning-heavy analyses.",
    calls: 20_000,
    mix: { simple: 10, medium: 20, complex: 40, reasoning: 30 },
    allocation: [
      { ticker: "OPUS-4.6", weight: 40 },
      { ticker: "O3", weight: 30 },
      { ticker: "GEMINI-2.5-PRO", weight: 30 },
    ],
    revenue: 2,
    overhead: 0.05,
    fixed: 8_000,
  },
  {
    id: "support",
    name: "Support bot",
    description: "Customer support: mostly short answers, some retrieval.",
    calls: 200_000,
    mix: { simple: 60, medium: 30, complex: 10, reasoning: 0 },
    allocation: [
      { ticker: "GEMINI-2.5-FLASH", weight: 60 },
      { ticker: "GPT-4.1-MINI", weight: 40 },
    ],
    revenue: 0.05,
    overhead: 0.005,
    fixed: 2_000,
  },
];
