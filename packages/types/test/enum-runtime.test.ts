import { describe, expect, test } from "vitest";
import { enumText, isEnumCode, unknownEnumLabel } from "../src/enum-runtime.js";

// The maps the generated helpers pass in: codes by their string form, `"null"` for a "no code" member.
const withAbsent = { null: "Lead", "1": "Interested", "-1": "Not Interested", "1.5": "Half" };
const plain = { "0": "Draft", "1": "Active" };

describe("enum runtime", () => {
  test.each([
    [withAbsent, 1, true],
    [withAbsent, -1, true],
    [withAbsent, 1.5, true],
    [withAbsent, null, true],
    [withAbsent, undefined, false],
    [withAbsent, "1", false],
    [plain, null, false],
    [plain, -0, true],
    [plain, Number.NaN, false],
    [plain, Number.POSITIVE_INFINITY, false],
    [plain, 2, false],
    [plain, "constructor", false],
    [plain, "toString", false],
    [plain, "__proto__", false],
    [plain, {}, false],
  ] as const)("isEnumCode(%j, %s) is %s", (texts, value, expected) => {
    expect(isEnumCode(texts, value)).toBe(expected);
  });

  test("a known code gives its text; undefined reads as the 'no code' member when there is one", () => {
    expect(enumText(withAbsent, 1)).toBe("Interested");
    expect(enumText(withAbsent, null)).toBe("Lead");
    expect(enumText(withAbsent, undefined)).toBe("Lead");
    expect(enumText(plain, 0)).toBe("Draft");
  });

  test("anything else gives the documented fallback, never a throw or an inherited property", () => {
    expect(enumText(plain, 7)).toBe("Unknown (7)");
    expect(enumText(plain, -99)).toBe("Unknown (-99)");
    expect(enumText(plain, null)).toBe("Unknown (null)");
    expect(enumText(plain, undefined)).toBe("Unknown (undefined)");
    expect(enumText(plain, Number.NaN)).toBe("Unknown (NaN)");
    // A prototype lookup would have answered a function here.
    expect(enumText(plain, "constructor" as unknown as number)).toBe("Unknown (constructor)");
    expect(unknownEnumLabel(7)).toBe("Unknown (7)");
  });
});
