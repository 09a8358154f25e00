// Public surface of the data schemas (registry and history). Other schema files add their exports here.
export {
  PROVIDERS,
  LIFECYCLES,
  LifecycleStateSchema,
  SOURCE_IDS,
  PRICE_BOUNDS,
  RATIO_BOUNDS,
  ProviderSchema,
  SourceIdSchema,
  IsoDateSchema,
  PricePointSchema,
  BatchRatioSchema,
  TierSchema,
  WindowSchema,
  ScheduledSchema,
  ConstituentSchema,
  CompositeSchema,
  DisagreementSchema,
  PricesSchema,
  RegistryEntrySchema,
  ArchiveRefSchema,
  RegistryFileSchema,
  provenanceOf,
} from "./registry";
export type {
  Provider,
  LifecycleState,
  SourceId,
  PricePoint,
  BatchRatio,
  Tier,
  PriceWindow,
  Scheduled,
  Composite,
  Disagreement,
  RegistryEntry,
  RegistryFile,
  ArchiveRef,
} from "./registry";

export {
  OBSERVATION_FIELDS,
  OBSERVATION_KINDS,
  ObservationFieldSchema,
  ObservationKindSchema,
  ProvenanceSchema,
  ConfidenceSchema,
  ObservationSchema,
  FamilySchema,
  HistoryFileSchema,
} from "./observation";
export type {
  ObservationField,
  ObservationKind,
  Provenance,
  Confidence,
  HistoryObservation,
  Family,
  HistoryFile,
} from "./observation";

// used by the other parts
export { CompareRequestSchema, PriceRequestSchema } from "./api";
export { AdminCurationSchema, CurationEntrySchema, CurationFileSchema } from "./curation";
export { GreekRowSchema } from "./greek-row";
export { historyRows } from "./history-rows";
export { MonteCarloQuerySchema, SwapRequestSchema } from "./market";
export { lowerMedian } from "./registry";
export { IndexBlockSchema, SnapshotPayloadSchema } from "./snapshot";

export type { CompareRequest, PriceRequest } from "./api";
export type { AdminCuration, CurationEntry } from "./curation";
export type { GreekRow, RowForecast } from "./greek-row";
export type { HistoryRow } from "./history-rows";
export type { SwapRequest } from "./market";
export type { IndexBlock, ReferenceProfile, SnapshotPayload, SourceHealth } from "./snapshot";
