// @instantly-kit/zod's schemas at run time, against data that follows the spec: this package's mock body of every
// operation (built from the spec and checked against it with Ajv when generated) must pass its operation's
// success schema from the table — and the same body with the spec broken in one place must not, with the path.

import { getCampaignResponse, LeadLabelSchema } from "@instantly-kit/zod";
import { operationSchemas } from "@instantly-kit/zod/operations";
import { describe, expect, test } from "vitest";
import * as mocks from "../src/index.js";

const mockOf = (id: string): (() => unknown) | undefined =>
  (mocks as Record<string, unknown>)[`get${id.charAt(0).toUpperCase()}${id.slice(1)}ResponseMock`] as
    | (() => unknown)
    | undefined;

const successStatus = (responses: Record<number, unknown>): number | undefined =>
  Object.keys(responses)
    .map(Number)
    .filter((status) => status >= 200 && status < 300)
    .sort((a, b) => a - b)[0];

describe("operationSchemas against every operation's mock body", () => {
  test("every mock success body passes its operation's success schema", () => {
    const failures: string[] = [];
    let checked = 0;
    for (const [id, entry] of Object.entries(operationSchemas)) {
      const status = successStatus(entry.responses);
      const mock = mockOf(id);
      if (status === undefined || !mock) continue;
      const result = entry.responses[status]?.safeParse(mock());
      checked++;
      if (result && !result.success)
        failures.push(
          `${id} ${status}: ${result.error.issues.map((issue) => issue.path.join(".")).join(", ")}`,
        );
    }
    expect(checked).toBeGreaterThan(150);
    expect(failures).toEqual([]);
  });
});

describe("a body that breaks the spec is refused, naming the path", () => {
  const campaign = () => mocks.getGetCampaignResponseMock() as Record<string, unknown>;
  type Body = Record<string, unknown>;
  const breaks: [string, (body: Body) => void, string[]][] = [
    [
      "a missing required field",
      (body) => {
        delete body.name;
      },
      ["name"],
    ],
    [
      "a string where a number was promised",
      (body) => {
        body.status = "1";
      },
      ["status"],
    ],
    [
      "an unknown numeric enum value",
      (body) => {
        body.status = 7;
      },
      ["status"],
    ],
    [
      "null where null is not allowed",
      (body) => {
        body.id = null;
      },
      ["id"],
    ],
  ];
  test.each(breaks)("%s", (_, breakIt, path) => {
    const body = campaign();
    expect(getCampaignResponse.safeParse(body).success).toBe(true);
    breakIt(body);
    const result = getCampaignResponse.safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toContainEqual(path);
    expect(operationSchemas.getCampaign.responses[200]?.safeParse(body).success).toBe(false);
  });
  test("date-time is checked as RFC 3339, with Z or an offset", () => {
    const label = { ...(mocks.getGetLeadLabelResponseMock() as Record<string, unknown>) };
    for (const ok of ["2025-06-10T10:00:00.000Z", "2025-06-10T10:00:00+02:00"])
      expect(LeadLabelSchema.safeParse({ ...label, timestamp_created: ok }).success, ok).toBe(true);
    for (const bad of ["yesterday", "2025-06-10"])
      expect(LeadLabelSchema.safeParse({ ...label, timestamp_created: bad }).success, bad).toBe(false);
  });
});
