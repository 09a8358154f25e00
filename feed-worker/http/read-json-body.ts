import type { Context } from "hono";
import { ApiError } from "../../api-core";

/** Reads a JSON object body: 415 for another media type, 400 E_BAD_JSON for unparsable text (then: parseWith). */
export async function readJsonBody(c: Context): Promise<unknown> {
  const type = c.req.header("content-type") ?? "";
  // application/json or application/<x>+json, optionally with parameters; not application/json-evil.
  if (!/^application\/([\w.-]+\+)?json\s*(;|$)/i.test(type)) {
    throw new ApiError(415, "E_UNSUPPORTED_MEDIA", "send the body as application/json");
  }
  const text = await c.req.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError(400, "E_BAD_JSON", "the body is not valid JSON");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new ApiError(400, "E_BAD_TYPE", "the body must be a JSON object");
  }
  return body;
}
