// Public surface of the guard (SPEC §4 steps 1–4): transport, schema, then the oracle-core rules (shrink, units and bounds).
export { guardSource, isParseResult } from "./guard-source";

export type { GuardFlag, GuardInput, GuardResult } from "./guard-source";
