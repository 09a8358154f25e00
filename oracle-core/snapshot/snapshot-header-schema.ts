import { z } from "zod";
import { instantMs, type SnapshotHeader } from "./snapshot-header";

const instant = z.string().refine((s) => instantMs(s) !== undefined, "must be a UTC instant like 2026-07-01T12:00:00Z");

/**
 * The snapshot fields the verifier itself needs, as a zod schema (the published contract;
 * parseSnapshotHeader checks the same rules without zod, see shape.ts). The rest passes through.
 */
export const snapshotHeaderSchema = z.looseObject({
  version: z.int().nonnegative(),
  issued_at: instant,
  expires_at: instant,
  heartbeat_s: z.int().positive(),
});

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const same: Same<z.infer<typeof snapshotHeaderSchema>, SnapshotHeader> = true;
void same;
