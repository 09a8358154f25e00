import { resolve } from "node:path";

/** Where ../shared (SPEC, reference vectors, archives) sits beside the checkout; override with EXOSTREAM_SHARED. */
export const SHARED_DIR = resolve(process.env.EXOSTREAM_SHARED ?? resolve(import.meta.dirname, "../../shared"));
