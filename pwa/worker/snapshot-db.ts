import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { TrustedKey } from "../../oracle-core/snapshot";

/** What the worker keeps between visits (IndexedDB "exostream-snapshot"). */
export interface StoredRecords {
  /** The last verified envelope, as served. */
  snapshot: { envelope: unknown; version: number; sha256: string; verified_at: number };
  /**
   * The rollback floor: never accept a lower version, or the same version with another hash. Kept even when the
   * envelope is dropped.
   */
  floor: { version: number; sha256: string };
  /** The root keys pinned on first use and the last verified keyset document (for offline re-verification). */
  trust: { root: TrustedKey[]; keysets: unknown; pinned_at: number };
}

interface Schema extends DBSchema {
  kv: { key: keyof StoredRecords; value: StoredRecords[keyof StoredRecords] };
}

let db: Promise<IDBPDatabase<Schema>> | null = null;

function open(): Promise<IDBPDatabase<Schema>> {
  db ??= openDB<Schema>("exostream-snapshot", 1, {
    upgrade(d) {
      d.createObjectStore("kv");
    },
  });
  return db;
}

/** Reads one record. */
export async function readRecord<K extends keyof StoredRecords>(key: K): Promise<StoredRecords[K] | undefined> {
  return (await (await open()).get("kv", key)) as StoredRecords[K] | undefined;
}

/** Writes records in one transaction (snapshot and floor move together). */
export async function writeRecords(records: Partial<StoredRecords>): Promise<void> {
  const tx = (await open()).transaction("kv", "readwrite");
  for (const [k, v] of Object.entries(records))
    await tx.store.put(v as StoredRecords[keyof StoredRecords], k as keyof StoredRecords);
  await tx.done;
}

/** Deletes one record. */
export async function deleteRecord(key: keyof StoredRecords): Promise<void> {
  await (await open()).delete("kv", key);
}
