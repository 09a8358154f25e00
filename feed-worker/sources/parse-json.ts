import { SourceError } from "./source-error";

/**
 * Parses a JSON payload, telling apart the ways a download goes wrong:
 * empty body (E_SOURCE_EMPTY), an HTML page served as 200 (E_SOURCE_CONTENT_TYPE),
 * a cut-off download (E_SOURCE_TRUNCATED) and other invalid JSON (E_SOURCE_SCHEMA).
 * @example parseJsonPayload('{"a":1}', "litellm") // { a: 1 }
 */
export function parseJsonPayload(text: string, source: string): unknown {
  const body = text.replace(/^\uFEFF/, "").trim();
  if (body === "") throw new SourceError("E_SOURCE_EMPTY", `${source}: the payload is empty`);
  if (body.startsWith("<")) {
    throw new SourceError(
      "E_SOURCE_CONTENT_TYPE",
      `${source}: expected JSON but got markup (an HTML error or login page served with status 200?)`,
    );
  }
  try {
    return JSON.parse(body);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    if (looksTruncated(body)) {
      throw new SourceError(
        "E_SOURCE_TRUNCATED",
        `${source}: the JSON ends before its last bracket closes (truncated download, ${body.length} chars)`,
      );
    }
    throw new SourceError("E_SOURCE_SCHEMA", `${source}: not valid JSON (${detail})`);
  }
}

/** True when the text ends inside a string or with brackets still open. */
function looksTruncated(body: string): boolean {
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (const ch of body) {
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === "\\") escaped = true;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === "{" || ch === "[") depth++;
    else if (ch === "}" || ch === "]") depth--;
  }
  return inString || depth > 0;
}
