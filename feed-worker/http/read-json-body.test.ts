import { describe, expect, it } from "vitest";
import { Hono } from "hono";
import { handleError } from "./api-error";
import { readJsonBody } from "./read-json-body";

describe("readJsonBody", () => {
  const app = new Hono();
  app.onError(handleError);
  app.post("/", async (c) => c.json({ got: await readJsonBody(c) }));
  const send = async (body: string, type?: string) => {
    const res = await app.request("/", {
      method: "POST",
      body,
      headers: type === undefined ? {} : { "content-type": type },
    });
    return { status: res.status, json: (await res.json()) as { got?: unknown; error?: { code: string } } };
  };

  it("accepts application/json, with a charset, and +json media types", async () => {
    for (const t of [
      "application/json",
      "application/json; charset=utf-8",
      "Application/JSON",
      "application/vnd.api+json",
    ]) {
      expect(await send('{"a":1}', t)).toEqual({ status: 200, json: { got: { a: 1 } } });
    }
  });

  it("415 E_UNSUPPORTED_MEDIA for other or missing content types", async () => {
    for (const t of [
      "text/plain",
      "application/x-www-form-urlencoded",
      "application/jsonp",
      "multipart/form-data; boundary=x",
      "",
    ]) {
      expect(await send('{"a":1}', t)).toEqual({
        status: 415,
        json: { error: expect.objectContaining({ code: "E_UNSUPPORTED_MEDIA" }) },
      });
    }
  });

  it("400 E_BAD_JSON for unparsable text; 400 E_BAD_TYPE for JSON that is not an object", async () => {
    for (const b of ["", "{", "{'a':1}", "NaN", '{"a":1}x'])
      expect((await send(b, "application/json")).json.error?.code).toBe("E_BAD_JSON");
    for (const b of ["[]", "null", "1", '"s"', "true"])
      expect((await send(b, "application/json")).json.error?.code).toBe("E_BAD_TYPE");
  });
});
