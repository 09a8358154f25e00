/** One universe's pipeline figures in the scale bench (shared by bench/scale.ts and bench/scale-pipeline.ts). */
export interface PipelineFigures {
  models: number;
  first_run_ms: number;
  steady_ms: number;
  steps_ms: Record<string, number>;
  dominant_step: { step: string; ms: number; share_of_run: number };
  snapshot_raw_bytes: number;
  snapshot_gzip_bytes: number;
  gzip_bytes_per_model: number;
  keys_gzip_bytes: number;
  /** GET /v1/widget-view (what a page with only <exo-ticker> fetches instead of the snapshot), gzip -9. */
  view_gzip_bytes: number;
}
