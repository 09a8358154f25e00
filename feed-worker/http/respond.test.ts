import { describe, expect, it } from "vitest";
import { Hono } from "hono";
import { contentEtag, GET_CACHE_CONTROL, sendWithEtag, versionEtag } from "./respond";
import type { FeedState } from "../store/feed-state";

describe("sendWithEtag", () => {
  const app = new Hono();
  app.get("/", (c) => sendWithEtag(c, "abc", '{"x":1}'));
  const req = (inm?: string) => app.request("/", inm === undefined ? {} : { headers: { "if-none-match": inm } });

  it("200 with a quoted strong ETag, Cache-Control and the body", async () => {
    const res = await req();
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toBe('"abc"');
    expect(res.headers.get("cache-control")).toBe(GET_CACHE_CONTROL);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(await res.text()).toBe('{"x":1}');
  });

  it.each(['"abc"', 'W/"abc"', '"zzz", "abc"', "*"])("If-None-Match %s → 304, empty body, same ETag", async (inm) => {
    const res = await req(inm);
    expect(res.status).toBe(304);
    expect(await res.text()).toBe("");
    expect(res.headers.get("etag")).toBe('"abc"');
  });

  it.each(['"ab"', "abc", '"abcd"', ""])("If-None-Match %s does not match → 200", async (inm) => {
    expect((await req(inm)).status).toBe(200);
  });
});

describe("ETag values", () => {
  it("contentEtag: same bytes, same tag; one changed character, another tag", () => {
    expect(contentEtag('{"a":1}')).toBe(contentEtag('{"a":1}'));
    expect(contentEtag('{"a":1}')).not.toBe(contentEtag('{"a":2}'));
    // Length is part of the tag (base 36): 7 characters → "c7-…".
    expect(contentEtag('{"a":1}')).toMatch(/^c7-[0-9a-z]+$/);
  });

  it("versionEtag: the snapshot version and the route", () => {
    const s = { payload: { version: 12 } } as unknown as FeedState;
    expect(versionEtag(s, "spots")).toMatch(/^v12-/);
    expect(versionEtag(s, "spots")).not.toBe(versionEtag(s, "greeks"));
    expect(versionEtag({ payload: { version: 13 } } as unknown as FeedState, "spots")).not.toBe(
      versionEtag(s, "spots"),
    );
  });
});
