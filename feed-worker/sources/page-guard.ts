import { SourceError } from "./source-error";

/** Rejects payloads that cannot be a pricing page: empty, or JSON served where HTML/markdown was expected. */
export function assertPageText(text: string, source: string): void {
  const body = text.trim();
  if (body === "") throw new SourceError("E_SOURCE_EMPTY", `${source}: the page is empty`);
  if (body.startsWith("{") || body.startsWith("[")) {
    throw new SourceError("E_SOURCE_CONTENT_TYPE", `${source}: expected an HTML or markdown page but got JSON`);
  }
}

/** The loud failure for a page whose pricing table can no longer be found. */
export function layoutError(source: string, what: string): SourceError {
  return new SourceError(
    "E_PAGE_LAYOUT",
    `${source}: ${what} — the page layout changed; the parser needs updating (last values stay published)`,
  );
}
