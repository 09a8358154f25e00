import type { ReferenceProfile } from "../schemas/snapshot";

/** The standard workloads published with every snapshot (SPEC §5), the presets of the calculator. */
export const REFERENCE_PROFILES: readonly ReferenceProfile[] = Object.freeze([
  { id: "rag", name: "RAG", n_in: 30_000, n_out: 800, eta: 0.6 },
  { id: "code-gen", name: "Code Gen", n_in: 5_000, n_out: 2_000, eta: 0.2 },
  { id: "summarize", name: "Summarize", n_in: 50_000, n_out: 500, eta: 0 },
]);
