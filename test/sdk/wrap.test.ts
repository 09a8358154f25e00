import Anthropic from "@anthropic-ai/sdk";
import OpenAI from "openai";
import { get_encoding } from "tiktoken";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ESTIMATE_BAND } from "../../oracle-core/tokens";
import { createBudget } from "../../sdk/src/budget";
import { createOracle, type Oracle } from "../../sdk/src/create-oracle";
import { wrap, type ExostreamCall, type ExostreamFailure } from "../../sdk/src/wrap";
import { recordedResponses } from "./recorded";
import { FEED, feedFetch, ISSUED_MS, signedFixture } from "./snapshot-fixture";

const RECORDED = new Map(recordedResponses().map((r) => [r.name, r]));
const enc = get_encoding("o200k_base");
const count = (s: string) => enc.encode_ordinary(s).length;

/** The clients' own `fetch` option: answers every call with a recorded response and keeps what was sent. */
function recordedFetch(body: () => unknown) {
  const sent: { url: string; body: Record<string, unknown> }[] = [];
  const f = async (input: RequestInfo | URL, init?: RequestInit) => {
    sent.push({
      url: String(input instanceof Request ? input.url : input),
      body: JSON.parse(String(init?.body)) as Record<string, unknown>,
    });
    return new Response(JSON.stringify(body()), {
      status: 200,
      headers: { "content-type": "application/json", "x-request-id": "req_test_1" },
    });
  };
  return Object.assign(f, { sent });
}

type WithExo<T> = T & { exostream: ExostreamCall & ExostreamFailure };

describe("wrap(): official OpenAI and Anthropic clients carry exostream on every response (no network)", () => {
  let oracle: Oracle;
  beforeAll(async () => {
    const fx = await signedFixture();
    oracle = await createOracle({
      feedUrl: FEED,
      publicKeys: [fx.publicKey],
      fetch: feedFetch(() => fx),
      now: () => ISSUED_MS,
    });
  });
  afterAll(() => enc.free());

  it("openai chat.completions: cost, κ, cache savings, and the estimate's error against the real prompt size", async () => {
    const r = RECORDED.get("openai-chat-gpt-4.1-cached")!;
    const f = recordedFetch(() => r.response);
    const budget = createBudget({ limit_usd: 1 });
    const client = wrap(new OpenAI({ apiKey: "sk-test", fetch: f, maxRetries: 0 }), oracle, { budget });
    const messages = [
      { role: "system" as const, content: "You are a contracts analyst." },
      { role: "user" as const, content: "Which clauses change liability?" },
    ];
    const res = (await client.chat.completions.create({
      model: "gpt-4.1",
      messages,
      max_completion_tokens: 400,
    })) as WithExo<OpenAI.ChatCompletion>;
    // The request went out unchanged; the response is the SDK's, plus exostream.
    expect(f.sent[0]!.url).toBe("https://api.openai.com/v1/chat/completions");
    expect(f.sent[0]!.body).toEqual({ model: "gpt-4.1", messages, max_completion_tokens: 400 });
    expect(res.choices[0]!.message.content).toMatch(/4\.2, 7\.1 and 9\.3/);
    const x = res.exostream;
    expect(x.model).toBe("GPT-4.1");
    expect(x.cost).toBeCloseTo(0.004928, 15);
    expect(x.kappa).toBeCloseTo(0.004928 / (8 * 250e-6), 12);
    // Without cache the 2048 cached tokens cost $2/M instead of $0.50/M.
    expect(x.cache_savings).toBeCloseTo((2048 * 1.5) / 1e6, 15);
    // The messages' text is far smaller than the 3000 prompt tokens billed (a cached document sat in the prompt):
    // the estimate says so, and its range did not contain the cost.
    const n = count("You are a contracts analyst.\nWhich clauses change liability?");
    expect(x.estimate_error).toEqual({
      n_in_estimated: n,
      n_in_actual: 3000,
      n_in_rel: (n - 3000) / 3000,
      cost_min: expect.closeTo((n * 2 + 8) / 1e6, 15),
      cost_max: expect.closeTo((n * 2 + 400 * 8) / 1e6, 15),
      within_range: false,
    });
    expect(x.snapshot_version).toBe(7);
    expect(budget.spent_usd).toBe(x.cost);
    expect(budget.calls).toBe(1);
  });

  it("openai chat: when the text is the whole prompt, n_in is off only by the chat framing and the cost is inside the range", async () => {
    const text = "Translate to French: the invoice is attached and due on Friday.";
    const r = RECORDED.get("openai-chat-gpt-4.1-cached")!.response as { usage: Record<string, unknown> };
    // A response whose prompt_tokens is the text plus 7 tokens of chat framing (3 per message + 3 to prime the reply +
    // 1).
    const prompt = count(text) + 7;
    const body = {
      ...r,
      usage: {
        ...r.usage,
        prompt_tokens: prompt,
        total_tokens: prompt + 250,
        prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      },
    };
    const client = wrap(new OpenAI({ apiKey: "sk-test", fetch: recordedFetch(() => body), maxRetries: 0 }), oracle);
    const res = (await client.chat.completions.create({
      model: "gpt-4.1",
      messages: [{ role: "user", content: text }],
      max_tokens: 1000,
    })) as WithExo<OpenAI.ChatCompletion>;
    expect(res.exostream.estimate_error).toMatchObject({
      n_in_estimated: count(text),
      n_in_actual: prompt,
      within_range: true,
    });
    expect(res.exostream.cost).toBeCloseTo((prompt * 2 + 250 * 8) / 1e6, 15);
  });

  it("openai responses (o3, cached input + reasoning), and the APIPromise keeps withResponse()", async () => {
    const r = RECORDED.get("openai-responses-o3-reasoning")!;
    const client = wrap(
      new OpenAI({ apiKey: "sk-test", fetch: recordedFetch(() => r.response), maxRetries: 0 }),
      oracle,
    );
    const { data, response, request_id } = await client.responses
      .create({ model: "o3", input: "Is this migration safe?", max_output_tokens: 4000 })
      .withResponse();
    const x = (data as WithExo<typeof data>).exostream;
    expect(response.status).toBe(200);
    expect(request_id).toBe("req_test_1");
    expect(x).toMatchObject({ model: "O3", tokens: { n_in: 5120, n_out: 342, n_think: 1408, cache_read: 4096 } });
    expect(x.cost).toBeCloseTo(0.018096, 15);
    expect(x.estimate_error!.n_in_estimated).toBe(count("Is this migration safe?"));
  });

  it("anthropic messages: 5m and 1h cache writes priced each at its own rate; the estimate uses the o200k proxy with its band", async () => {
    const r = RECORDED.get("anthropic-sonnet-4.5-cache-write-1h")!;
    const f = recordedFetch(() => r.response);
    const client = wrap(new Anthropic({ apiKey: "sk-ant-test", fetch: f, maxRetries: 0 }), oracle);
    const params = {
      model: "claude-sonnet-4-5",
      max_tokens: 1024,
      system: "You answer questions about one contract.",
      messages: [{ role: "user" as const, content: "Read this contract." }],
    };
    const res = (await client.messages.create(params)) as WithExo<Anthropic.Message>;
    expect(f.sent[0]!.url).toBe("https://api.anthropic.com/v1/messages");
    const x = res.exostream;
    expect(x.model).toBe("SONNET-4.5");
    expect(x.cost).toBeCloseTo(0.075324, 15);
    expect(x.cache_savings).toBeCloseTo(0.043824 - 0.075324, 15);
    const n = count("You answer questions about one contract.\nRead this contract.");
    expect(x.estimate_error).toMatchObject({
      n_in_estimated: n,
      n_in_actual: 12048,
      cost_max: expect.closeTo((Math.ceil(n * (1 + ESTIMATE_BAND.high)) * 3 + 1024 * 15) / 1e6, 15),
    });
  });

  it("a model the snapshot does not know: the call still returns, exostream carries the error code", async () => {
    const r = RECORDED.get("openai-chat-gpt-4.1-cached")!.response;
    const client = wrap(
      new OpenAI({
        apiKey: "sk-test",
        fetch: recordedFetch(() => ({ ...r, model: "ft:gpt-9-turbo:acme" })),
        maxRetries: 0,
      }),
      oracle,
    );
    const res = (await client.chat.completions.create({
      model: "ft:gpt-9-turbo:acme",
      messages: [{ role: "user", content: "hi" }],
    })) as WithExo<OpenAI.ChatCompletion>;
    expect(res.choices.length).toBe(1);
    expect(res.exostream.error.code).toBe("E_UNKNOWN_TICKER");
  });

  it("wrap returns the same client, and wrapping twice does not meter twice", async () => {
    const r = RECORDED.get("anthropic-sonnet-4.5-cache-read")!;
    const budget = createBudget({ limit_usd: 1 });
    const c = new Anthropic({ apiKey: "k", fetch: recordedFetch(() => r.response), maxRetries: 0 });
    expect(wrap(c, oracle, { budget })).toBe(c);
    wrap(c, oracle, { budget });
    await c.messages.create({
      model: "claude-sonnet-4-5",
      max_tokens: 100,
      messages: [{ role: "user", content: "q" }],
    });
    expect(budget.calls).toBe(1);
    expect(budget.spent_usd).toBeCloseTo(0.00828, 15);
  });
});
