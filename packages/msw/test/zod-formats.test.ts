// The string formats of the spec, judged three ways that must agree: @instantly-kit/zod's generated schemas
// (what the validating client and `contract:check` use), this package's request validator (what the mocks
// answer 400 for), and Ajv with ajv-formats — the oracle the tests hold the spec to. A value one accepts and
// another refuses is a false drift report, or a request the client refuses that the API (and the mocks) take.
import { createRequire } from "node:module";
import { AccountSchema, LeadLabelSchema, WebhookSchema, WorkspaceMemberSchema } from "@instantly-kit/zod";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, test } from "vitest";
import { RequestValidator } from "../src/validate.js";

const addFormats = createRequire(import.meta.url)("ajv-formats") as (ajv: Ajv2020) => Ajv2020;
const ajv = addFormats(new Ajv2020({ strict: false, logger: false }));
const mocks = new RequestValidator({});

interface Shape {
  readonly shape: Record<string, { safeParse(value: unknown): { success: boolean } }>;
}
const property = (schema: unknown, name: string) => (schema as Shape).shape[name] as Shape["shape"][string];

// Each format with a generated property that carries it, and values on both sides of the line.
const formats: [string, ReturnType<typeof property>[], string[]][] = [
  [
    "email",
    [property(AccountSchema, "email"), property(WorkspaceMemberSchema, "email")],
    [
      "someone@example.com",
      "first.last+tag@sub.example.co.uk",
      "o'neil@example.com",
      "sales&marketing@example.com",
      "a!b@example.com",
      "a=b@example.com",
      "a/b@example.com",
      "{x}@example.com",
      "user@example.xn--p1ai",
      "user@xn--bcher-kva.example",
      "a@b.c",
      "user@example.c0m",
      "user@localhost",
      "a.@example.com",
      ".a@example.com",
      "a..b@example.com",
      "a b@example.com",
      "@example.com",
      "user@",
      "user@-example.com",
      "user@example-.com",
      "",
    ],
  ],
  [
    "date-time",
    [property(LeadLabelSchema, "timestamp_created")],
    [
      "2026-01-02T03:04:05.000Z",
      "2026-01-02T03:04:05Z",
      "2026-01-02T03:04:05+02:00",
      "2026-01-02T03:04:05.123456789-07:30",
      "2026-01-02T03:04Z",
      "2026-01-02t03:04:05z",
      "2026-01-02 03:04:05Z",
      "2026-12-31T23:59:60Z",
      "2026-01-02T03:04:05+0200",
      "2026-02-30T00:00:00Z",
      "2024-02-29T00:00:00Z",
      "2026-01-02T03:04:05",
      "2026-01-02",
      "yesterday",
    ],
  ],
  [
    "uri",
    [property(WebhookSchema, "target_hook_url")],
    [
      "https://hooks.example/in",
      "http://localhost:3000/x?y=1#z",
      "https://exa mple.com",
      "https://",
      "/relative",
    ],
  ],
];

/**
 * Where zod's own format checks (`zod.iso.datetime`, `zod.url`) stay stricter than Ajv and the mocks, on purpose
 * or for want of an option: each value and why. A new disagreement — or one of these resolved — fails the test.
 */
const KNOWN: Record<string, string> = {
  "2026-01-02t03:04:05z":
    "lower-case t/z: RFC 3339 allows it; zod.iso.datetime has no case option (JS writes upper case)",
  "2026-01-02 03:04:05Z":
    "a space for T: not RFC 3339's grammar (a note only); Ajv and the mocks are lenient",
  "2026-12-31T23:59:60Z": "a leap second: zod.iso.datetime refuses seconds of 60",
  "2026-01-02T03:04:05+0200": "an offset without a colon: not RFC 3339; Ajv and the mocks are lenient",
  "https://": "a URI with an empty host: zod.url needs a host to call it a URL",
};

describe("each string format: zod, the mocks' validator and Ajv agree", () => {
  for (const [format, schemas, values] of formats) {
    test(format, () => {
      const validate = ajv.compile({ type: "string", format });
      const disagreements: string[] = [];
      for (const value of values) {
        const oracle = validate(value);
        const mock = mocks.violations({ type: "string", format }, value, "value").length === 0;
        const zod = schemas.map((schema) => schema.safeParse(value).success);
        const verdicts = { ajv: oracle, mocks: mock, zod };
        const agree = mock === oracle && zod.every((z) => z === oracle);
        if (agree === value in KNOWN)
          disagreements.push(`${JSON.stringify(value)}: ${JSON.stringify(verdicts)} ${KNOWN[value] ?? ""}`);
      }
      expect(disagreements).toEqual([]);
    });
  }
});
