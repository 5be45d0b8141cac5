// The schemas and the scope tables are chunks of their own, imported on the first checked call (validation.ts,
// scopes.ts). A browser's chunk
// load fails now and then (a deploy replaced the files, the network dropped): that call fails, and the next
// one must try again — not fail forever with the same rejected import, taking every call of the app down with
// it. The loader is the one seam replaced here: the checks are the real ones.
import { validLeadLabelBody } from "@instantly-kit/test-support/valid-bodies";
import { describe, expect, test } from "vitest";
import { createRedactor } from "../src/redact.js";
import { scopeCheck } from "../src/scopes.js";
import { createValidator } from "../src/validation.js";

const redact = createRedactor("sk_live_load_KEY.1");
const label = validLeadLabelBody();

describe("a failed load of the validation chunk is tried again on the next call", () => {
  test.each(["response", "request"] as const)("%s", async (side) => {
    let loads = 0;
    const validator = createValidator(
      side === "response" ? { response: "throw" } : { request: "throw" },
      undefined,
      redact,
      () =>
        loads++ === 0
          ? Promise.reject(new Error("chunk failed to load"))
          : import("../src/validation-run.js"),
    );
    const check = () =>
      side === "response"
        ? validator?.response?.("GET", "/api/v2/lead-labels/{id}", 200, { ...label, label: 5 })
        : validator?.request?.("POST", "/api/v2/lead-labels", {
            label: 5,
            interest_status_label: "positive",
          });
    await expect(check()).rejects.toThrow("chunk failed to load");
    // The next call loads again and checks for real.
    await expect(check()).rejects.toMatchObject({ kind: "validation", side });
    expect(loads).toBe(2);
  });
});

describe("a failed load of the scope tables is tried again on the next call", () => {
  test("scopes", async () => {
    let loads = 0;
    const check = scopeCheck(["leads:read"], () =>
      loads++ === 0 ? Promise.reject(new Error("chunk failed to load")) : import("../src/scope-table.js"),
    );
    await expect(check("POST", "/api/v2/lead-labels")).rejects.toThrow("chunk failed to load");
    await expect(check("POST", "/api/v2/lead-labels")).rejects.toMatchObject({
      kind: "scope",
      operation: "createLeadLabel",
    });
    expect(loads).toBe(2);
  });
});
