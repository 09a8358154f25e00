/**
 * The shrink rule: a source listing fewer than half the models it listed on its last healthy run is rejected
 * whole for this run (an empty file or truncated download that still parses). Returns the reason, or null.
 * @example shrinkCheck(100, 218) // "E_SHRINK: …"
 */
export function shrinkCheck(modelCount: number, previousModelCount: number | undefined): string | null {
  if (previousModelCount === undefined || previousModelCount <= 0) return null;
  if (modelCount * 2 >= previousModelCount) return null;
  return `E_SHRINK: ${modelCount} models listed, fewer than half of the ${previousModelCount} listed before; source rejected for this run`;
}
