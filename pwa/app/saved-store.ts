import { openDB, type DBSchema, type IDBPDatabase } from "idb";

/** A saved calculator profile, canvas or budget: kept in IndexedDB, so it survives reloads and app updates. */
export interface SavedItem<T = unknown> {
  id: string;
  kind: "profile" | "canvas" | "budget";
  name: string;
  data: T;
  saved_at: number;
}

interface Schema extends DBSchema {
  saved: { key: string; value: SavedItem; indexes: { kind: string } };
}

let db: Promise<IDBPDatabase<Schema>> | null = null;

function open(): Promise<IDBPDatabase<Schema>> {
  db ??= openDB<Schema>("exostream-user", 1, {
    upgrade(d) {
      d.createObjectStore("saved", { keyPath: "id" }).createIndex("kind", "kind");
    },
  });
  return db;
}

/** Saved items of a kind, newest first. */
export async function listSaved<T>(kind: SavedItem["kind"]): Promise<SavedItem<T>[]> {
  const items = (await (await open()).getAllFromIndex("saved", "kind", kind)) as SavedItem<T>[];
  return items.sort((a, b) => b.saved_at - a.saved_at);
}

/** Saves (or, with the same id, replaces) an item. */
export async function putSaved<T>(
  item: Omit<SavedItem<T>, "id" | "saved_at"> & { id?: string },
): Promise<SavedItem<T>> {
  const full = { ...item, id: item.id ?? crypto.randomUUID(), saved_at: Date.now() } as SavedItem<T>;
  await (await open()).put("saved", full as SavedItem);
  return full;
}

/** Deletes an item. */
export async function deleteSaved(id: string): Promise<void> {
  await (await open()).delete("saved", id);
}
