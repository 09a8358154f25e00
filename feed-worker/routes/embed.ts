import type { Hono } from "hono";
import type { AppEnv } from "../env";
import { ApiError } from "../../api-core";

const WIDGETS = new Set(["ticker", "forward-chart", "cost-calculator", "history-chart", "index"]);

/** Embed pages may be framed by any site (and only they): the rest of the origin sends frame-ancestors 'none'. */
export const EMBED_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; frame-ancestors *; base-uri 'none'; form-action 'none'";

/** GET /embed/<widget>: the iframe page from the static assets, with headers that allow framing. */
export function embedRoutes(app: Hono<AppEnv>): void {
  app.get("/embed/:widget", async (c) => {
    const widget = c.req.param("widget").replace(/\.html$/, "");
    if (!WIDGETS.has(widget))
      throw new ApiError(
        404,
        "E_NOT_FOUND",
        `no embed named ${JSON.stringify(widget)}; try ${[...WIDGETS].join(", ")}`,
      );
    if (!c.env.ASSETS) throw new ApiError(503, "E_NO_SNAPSHOT", "static assets are not available");
    const res = await c.env.ASSETS.fetch(new Request(new URL(`/embed/${widget}.html`, c.req.url)), {
      redirect: "follow",
    } as RequestInit);
    if (!res.ok) throw new ApiError(404, "E_NOT_FOUND", `embed page ${widget} is not built (npm run build)`);
    return new Response(res.body, {
      status: 200,
      headers: {
        "Content-Type": "text/html; charset=utf-8",
        "Content-Security-Policy": EMBED_CSP,
        "Cache-Control": "public, max-age=300",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
      },
    });
  });
}
