// Issue 8 §2: property tests for the redaction. Random keys (any character a header value allows, biased
// towards regex metacharacters, JSON escapes and URL-special characters) echoed back in random places: inside
// strings, as property names, deep in arrays and objects, with random characters written as JSON \u escapes,
// percent-encoded in a URL. Seeded, so a failure names a reproducible case.

import { inspect } from "node:util";
import { startServer, type TestServer } from "@instantly-kit/test-support/http-server";
import { validLeadLabelBody } from "@instantly-kit/test-support/valid-bodies";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createInstantlyClient } from "../src/index.js";
import { createRedactor, REDACTED } from "../src/redact.js";
import { printable, type Result, stringsIn } from "./leak.js";

/** mulberry32: a small seeded PRNG. */
function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T;
  return { next, int, pick };
}
type Random = ReturnType<typeof prng>;

const SPECIAL = [..."$^.*+?()[]{}|\\/\"'`<>%&=#;,:!~@"];
const VISIBLE = Array.from({ length: 0x7e - 0x21 + 1 }, (_, i) => String.fromCharCode(0x21 + i));

/** A key createInstantlyClient accepts: 8–64 visible ASCII characters, half of them special. */
function randomKey(random: Random): string {
  const length = random.int(8, 64);
  let key = "";
  for (let i = 0; i < length; i++) key += random.next() < 0.5 ? random.pick(SPECIAL) : random.pick(VISIBLE);
  return key;
}

/** Harmless text that cannot contain the key (no character of it… except by chance: checked). */
function randomWord(random: Random): string {
  return Array.from({ length: random.int(0, 12) }, () => random.pick([..."abcdefghij klmn_-0123"])).join("");
}

/** A JSON value holding the key `count` times in random places (strings, property names, nesting). */
function randomValue(random: Random, key: string, depth = 0): unknown {
  const roll = random.next();
  if (depth > 4 || roll < 0.3) {
    const where = random.int(0, 3);
    const word = randomWord(random);
    return [`${word}${key}`, `${key}${word}`, `${word} Bearer ${key} ${word}`, `${word}${key}${word}${key}`][
      where
    ];
  }
  if (roll < 0.6) return Array.from({ length: random.int(1, 3) }, () => randomValue(random, key, depth + 1));
  const object: Record<string, unknown> = {};
  for (let i = random.int(1, 3); i > 0; i--) {
    const name = random.next() < 0.3 ? `${randomWord(random)}${key}` : randomWord(random) || "k";
    object[name] = randomValue(random, key, depth + 1);
  }
  return object;
}

/** JSON text of `value`, with each character of each occurrence of the key written in a random JSON form. */
function randomlyEscapedJson(random: Random, value: unknown, key: string): string {
  const plain = JSON.stringify(key).slice(1, -1);
  const spelled = () =>
    [...key]
      .map((c) => {
        if (random.next() < 0.5) return `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
        if (c === "/") return random.pick(["/", "\\/"]);
        return JSON.stringify(c).slice(1, -1);
      })
      .join("");
  return JSON.stringify(value)
    .split(plain)
    .reduce((text, part, i) => (i === 0 ? part : `${text}${spelled()}${part}`), "");
}

/** A URL holding the key in a path segment and a query value, each character percent-encoded or not. */
function randomlyEncodedUrl(random: Random, key: string): string {
  const encode = () =>
    [...key]
      .map((c) =>
        random.next() < 0.5 || "/?#&=%".includes(c) ? `%${c.charCodeAt(0).toString(16).padStart(2, "0")}` : c,
      )
      .join("");
  return `https://api.instantly.ai/api/v2/echo/${encode()}/x?token=${encode()}&b=1`;
}

const RUNS = 500;

describe("redactor properties", () => {
  test("a JSON body echoing the key anywhere, in any JSON spelling, parses to a value without it", () => {
    for (let seed = 1; seed <= RUNS; seed++) {
      const random = prng(seed);
      const key = randomKey(random);
      const value = randomValue(random, key);
      const text = randomlyEscapedJson(random, value, key);
      const redactor = createRedactor(key);
      const clean = JSON.stringify(redactor.json(JSON.parse(text)));
      expect(clean, `seed ${seed}`).not.toContain(key);
      expect(clean, `seed ${seed}`).toContain(REDACTED);
      // The raw form (no escapes) is caught by the text redaction as well.
      expect(redactor.text(JSON.stringify(value)), `seed ${seed}`).not.toContain(key);
    }
  });

  test("a URL holding the key, percent-encoded any way, comes out without it", () => {
    for (let seed = 1; seed <= RUNS; seed++) {
      const random = prng(seed);
      const key = randomKey(random);
      const url = randomlyEncodedUrl(random, key);
      const clean = createRedactor(key).url(url);
      const decoded = clean.replace(/%[0-7][0-9a-f]/gi, (e) =>
        String.fromCharCode(Number.parseInt(e.slice(1), 16)),
      );
      expect(decoded, `seed ${seed}: ${url}`).not.toContain(key);
      expect(clean, `seed ${seed}`).toContain(`/api/v2/echo/${REDACTED}`);
    }
  });

  test("text and JSON without the key (or a Bearer token) are left exactly as they are", () => {
    for (let seed = 1; seed <= RUNS; seed++) {
      const random = prng(seed);
      const key = randomKey(random);
      const redactor = createRedactor(key);
      const value = {
        message: randomWord(random),
        list: [randomWord(random), { [randomWord(random) || "k"]: 1 }],
      };
      if (JSON.stringify(value).includes(key)) continue;
      expect(redactor.json(value), `seed ${seed}`).toBe(value);
      const text = JSON.stringify(value);
      expect(redactor.text(text), `seed ${seed}`).toBe(text);
    }
  });

  test("an error and its cause chain are copied with every text redacted", () => {
    const key = "sk_$&.*key";
    const cause = Object.assign(new TypeError(`invalid header value "Bearer ${key}"`), { code: `E_${key}` });
    const error = new Error(`failed with ${key}`, { cause });
    const clean = createRedactor(key).error(error) as Error;
    expect(clean.message).toBe(`failed with ${REDACTED}`);
    expect((clean.cause as Error).message).toBe(`invalid header value "Bearer ${REDACTED}"`);
    expect((clean.cause as Error).name).toBe("TypeError");
    expect((clean.cause as { code: string }).code).toBe(`E_${REDACTED}`);
    expect(`${clean.stack} ${(clean.cause as Error).stack}`).not.toContain(key);
  });
});

/** Something a custom fetch or a middleware could throw, holding the key somewhere. */
function randomThrown(random: Random, key: string): unknown {
  const value = randomValue(random, key);
  const shapes: (() => unknown)[] = [
    () => value,
    () => [value, randomWord(random)],
    () => ({ request: { headers: { authorization: `Bearer ${key}` } }, detail: value }),
    () => new Error(randomWord(random), { cause: value }),
    () => Object.assign(new Error(`${randomWord(random)}${key}`), { kind: "api" }),
    () => ({ error: new Error(`failed for ${key}`), value }),
    () => new Headers({ authorization: `Bearer ${key}` }),
    () => `Bearer ${key}`,
    () => {
      const cycle: Record<string, unknown> = { token: key };
      cycle.self = cycle;
      return cycle;
    },
  ];
  return random.pick(shapes)();
}

describe("thrown values", () => {
  test("whatever is thrown (Error, string, plain object, array, class instance, cycle), its copy holds no key", () => {
    for (let seed = 1; seed <= RUNS; seed++) {
      const random = prng(seed);
      const key = randomKey(random);
      const clean = createRedactor(key).error(randomThrown(random, key));
      const texts = [...stringsIn(clean), inspect(clean, { depth: 20, showHidden: true }), String(clean)];
      for (const text of texts) expect(text, `seed ${seed}`).not.toContain(key);
    }
  });

  test("a plain object keeps its shape; a class instance becomes its tag", () => {
    const key = `sk_"q\\b'`;
    const redactor = createRedactor(key);
    expect(redactor.error({ headers: { authorization: `Bearer ${key}` }, n: 1, list: [key, 2] })).toEqual({
      headers: { authorization: `Bearer ${REDACTED}` },
      n: 1,
      list: [REDACTED, 2],
    });
    expect(redactor.error(new Headers({ authorization: `Bearer ${key}` }))).toBe("[object Headers]");
    expect(redactor.error(42)).toBe(42);
    expect(redactor.error(undefined)).toBeUndefined();
  });
});

describe("end to end, against a real server", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  test("whatever error body echoes a random key, nothing the caller can print holds it", async () => {
    for (let seed = 1; seed <= 60; seed++) {
      const random = prng(seed);
      const key = randomKey(random);
      const status = random.pick([400, 401, 403, 404, 422, 429, 500, 503]);
      const asJson = random.next() < 0.7;
      const body = asJson ? randomlyEscapedJson(random, randomValue(random, key), key) : `Invalid key ${key}`;
      server.reset();
      server.route("POST /api/v2/lead-labels", (_, res) => {
        res.writeHead(status, { "content-type": asJson ? "application/json" : "text/plain", "x-echo": key });
        res.end(body);
      });
      const client = createInstantlyClient({ apiKey: key, baseUrl: server.baseUrl, retry: false });
      const outcome: { result?: Result; error?: unknown } = await client
        .POST("/api/v2/lead-labels", { body: { label: "x", interest_status_label: "neutral" } })
        .then(
          (result) => ({ result: result as Result }),
          (error: unknown) => ({ error }),
        );
      expect(outcome.result?.response.status, `seed ${seed}`).toBe(status);
      expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${key}`);
      for (const text of printable(outcome)) {
        expect(text, `seed ${seed}`).not.toContain(key);
        expect(text, `seed ${seed}`).not.toContain(encodeURIComponent(key));
      }
    }
  });

  // A key made only of token characters can be a header NAME, which fetch lowercases: a server echoing it there
  // (`sk_live_…: 1`, `x-echo-sk_live_…: 1`) must not hand it to the caller through `response.headers` — in an
  // error's result, a validated 2xx or one that fails validation. Lowercase keys come back as they are; mixed-case
  // ones lowercased, which is no less the key to whoever reads it.
  test.each(
    ["sk_live_lower.key-7", "sk_Live_Mixed.KEY~9"].flatMap((key) =>
      ([401, 200, "200 not matching"] as const).map((status) => [key, status] as const),
    ),
  )("a header name holding the key %s, answering %s: not in what the caller gets", async (key, status) => {
    server.reset();
    server.route("GET /api/v2/lead-labels/l1", (_, res) => {
      const body =
        status === 401 ? { message: "no" } : validLeadLabelBody(status === 200 ? {} : { label: 5 });
      res.writeHead(status === 401 ? 401 : 200, {
        "content-type": "application/json",
        [key]: "1",
        [`x-echo-${key}`]: "yes",
        "x-request-id": "r1",
      });
      res.end(JSON.stringify(body));
    });
    const client = createInstantlyClient({
      apiKey: key,
      baseUrl: server.baseUrl,
      retry: false,
      validate: { response: "throw" },
    });
    const outcome: { result?: Result; error?: unknown } = await client
      .GET("/api/v2/lead-labels/{id}", { params: { path: { id: "l1" } } })
      .then(
        (result) => ({ result: result as Result }),
        (error: unknown) => ({ error }),
      );
    expect(outcome.error === undefined ? outcome.result?.response.status : "thrown").toBe(
      status === 401 ? 401 : status === 200 ? 200 : "thrown",
    );
    if (outcome.result) expect(outcome.result.response.headers.get("x-request-id")).toBe("r1");
    for (const text of printable(outcome)) {
      expect(text.toLowerCase()).not.toContain(key.toLowerCase());
    }
  });

  const thrownByMiddleware: [string, (key: string) => unknown][] = [
    ["an Error with a `kind` of its own", (key) => Object.assign(new Error(`bad ${key}`), { kind: "api" })],
    ["a plain object holding the header", (key) => ({ headers: { authorization: `Bearer ${key}` } })],
    ["an array holding the key", (key) => [key]],
  ];
  test.each(thrownByMiddleware)(
    "a middleware throwing %s: the caller gets it redacted",
    async (_, thrown) => {
      const key = `sk_"q\\b'$&kind`;
      server.reset();
      const client = createInstantlyClient({ apiKey: key, baseUrl: server.baseUrl, retry: false });
      client.use({
        onRequest: () => {
          throw thrown(key);
        },
      });
      const outcome: { result?: Result; error?: unknown } = await client
        .GET("/api/v2/campaigns/{id}", { params: { path: { id: "c1" } } })
        .then(
          (result) => ({ result: result as Result }),
          (error: unknown) => ({ error }),
        );
      expect(outcome.error).toBeDefined();
      expect(server.requests).toHaveLength(0);
      for (const text of [...printable(outcome), inspect(outcome.error, { depth: 20 })]) {
        expect(text).not.toContain(key);
      }
    },
  );
});
