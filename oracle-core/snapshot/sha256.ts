import type { Bytes } from "./bytes";
import { toHex } from "./hex";

/** Lower-case hex SHA-256 of bytes, through crypto.subtle. */
export async function sha256Hex(bytes: Bytes): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest("SHA-256", bytes)));
}
