import type { Bytes } from "./bytes.js";
import { toHex } from "./hex.js";

/** Lower-case hex SHA-256 of bytes, through crypto.subtle. */
export async function sha256Hex(bytes: Bytes): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest("SHA-256", bytes)));
}
