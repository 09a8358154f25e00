// Public surface of the guard (SPEC §4 steps 1–4): transport, schema, then oracle-core's shrink, unit and bound rules.
export { guardSource, isParseResult } from "./guard-source";

export type { GuardFlag, GuardInput, GuardResult } from "./guard-source";
