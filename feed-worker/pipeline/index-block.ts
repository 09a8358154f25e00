import type { GreekRow } from "../../oracle-core/schemas/greek-row";
import type { HistoryObservation } from "../../oracle-core/schemas/observation";
import type { IndexBlock } from "../../oracle-core/schemas/snapshot";

/** The EICI block of the snapshot. Not yet published: the market-layer issue computes it. */
export function buildIndexBlock(_models: readonly GreekRow[], _obs: readonly HistoryObservation[], _valuationDate: string): IndexBlock | null {
  return null;
}
