import { z } from "zod";
import { AdminCurationSchema } from "../../oracle-core/schemas";

const json = (schema: object) => ({ "application/json": { schema } });
const error = (description: string) => ({ description, content: json({ $ref: "#/components/schemas/Error" }) });
const security = [{ adminToken: [] }];
const guarded = {
  "401": error("E_ADMIN_UNAUTHORIZED: missing, malformed or wrong bearer token (one answer for all three)"),
  "404": error("E_ADMIN_DISABLED: the ADMIN_TOKEN secret is unset on this feed, so the admin API is off"),
  "429": error("rate limited; see Retry-After"),
};

/** The admin API's OpenAPI paths (feed-worker/routes/admin.ts), merged into /v1/openapi.json. */
export function adminPaths(): Record<string, object> {
  return {
    "/v1/admin/curation": {
      post: {
        summary:
          "Curate the deployed feed without a redeploy: one entry (lifecycle, ticker-alias, prefer-source, family, " +
          "reject-listing) with its reason (≥ 10 characters), author and date. Written to the append-only audit log, " +
          "the curation table and /v1/changes (kind curation); the next pipeline run applies it.",
        security,
        requestBody: { required: true, content: json({ $ref: "#/components/schemas/AdminCuration" }) },
        responses: {
          "201": { description: "applied: the audit id and the snapshot version that will carry it" },
          "400": error("invalid body (E_BAD_JSON, E_BAD_TYPE, E_MISSING_FIELD, E_UNKNOWN_FIELD)"),
          ...guarded,
          "404": error("E_ADMIN_DISABLED (admin API off), or E_UNKNOWN_TICKER with suggestions (audited as refused)"),
          "409": error("E_ADMIN_CONFLICT: reject-listing names a curated ticker (audited as refused)"),
          "413": error("E_BODY_TOO_LARGE"),
          "415": error("E_UNSUPPORTED_MEDIA"),
        },
      },
    },
    "/v1/admin/audit": {
      get: {
        summary: "The append-only audit log of admin actions (applied and refused), oldest first, paged by after_id",
        security,
        parameters: [
          { name: "after_id", in: "query", schema: { type: "integer", minimum: 0 } },
          { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 500, default: 100 } },
        ],
        responses: {
          "200": { description: "entries: id, at, token_fingerprint (8 hex of sha256(token)), action, body, outcome" },
          "400": error("E_BAD_QUERY"),
          ...guarded,
        },
      },
    },
  };
}

/** The components the admin paths name. */
export function adminComponents() {
  return {
    schemas: { AdminCuration: z.toJSONSchema(AdminCurationSchema, { io: "input" }) },
    securitySchemes: {
      adminToken: { type: "http", scheme: "bearer", description: "the feed's ADMIN_TOKEN Workers secret" },
    },
  };
}
