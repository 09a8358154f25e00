import { it } from "vitest";
import { feedHarness } from "./harness";
it("explore", async () => {
  const h = await feedHarness();
  await h.run({ now: new Date("2026-11-24T06:15:00Z") });
  const env = (await (await h.request("/v1/snapshot")).json()) as { payload: string };
  const txt = Buffer.from(env.payload, "base64").toString("utf8");
  const p = JSON.parse(txt);
  console.log(Object.keys(p.models[0]).join(","));
  console.log(txt.slice(0, 300));
  const g = (await (await h.request("/v1/greeks")).json()) as any;
  console.log(Object.keys(g.data[0]).join(","));
  await h.dispose();
}, 300000);
