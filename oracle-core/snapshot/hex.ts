import { OracleError } from "../errors";
import type { Bytes } from "./bytes";

const HEX = /^(?:[0-9a-f]{2})*$/;

/** Lower-case hex of bytes. */
export function toHex(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += b.toString(16).padStart(2, "0");
  return s;
}

/** Bytes of a lower-case, even-length hex string; anything else throws OracleError E_MALFORMED. */
export function fromHex(hex: string): Bytes {
  if (!HEX.test(hex)) throw new OracleError("E_MALFORMED", "not a lower-case hex string of whole bytes");
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}
