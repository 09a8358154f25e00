/** The four task classes of the System Canvas and the token profile each stands for. */
export const TASK_CLASSES = ["simple", "medium", "complex", "reasoning"] as const;
export type TaskClass = (typeof TASK_CLASSES)[number];

/** A class's typical call: prompt, answer and thinking tokens, and the share of the prompt read from cache. */
export interface ClassProfile {
  n_in: number;
  n_out: number;
  n_think: number;
  eta: number;
}

/**
 * Default profiles (editable in the canvas). They are stated assumptions, not measurements:
 * simple = a short question or a classification; medium = chat with some context;
 * complex = long-context work (RAG, code review); reasoning = a chain-of-thought task, whose
 * thinking tokens are billed at the model's r_think (as output on a model without a thinking price).
 */
export const DEFAULT_CLASS_PROFILES: Readonly<Record<TaskClass, Readonly<ClassProfile>>> = Object.freeze({
  simple: Object.freeze({ n_in: 800, n_out: 150, n_think: 0, eta: 0 }),
  medium: Object.freeze({ n_in: 4_000, n_out: 600, n_think: 0, eta: 0.3 }),
  complex: Object.freeze({ n_in: 30_000, n_out: 1_500, n_think: 0, eta: 0.5 }),
  reasoning: Object.freeze({ n_in: 6_000, n_out: 1_200, n_think: 8_000, eta: 0.2 }),
});

/** Plain-language names of the classes. */
export const TASK_CLASS_LABELS: Readonly<Record<TaskClass, string>> = Object.freeze({
  simple: "Simple (short)",
  medium: "Medium",
  complex: "Complex (long context)",
  reasoning: "Reasoning (chain of thought)",
});
