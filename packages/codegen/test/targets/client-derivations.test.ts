import { describe, expect, test } from "vitest";
import { buildModel } from "../../src/model/index.ts";
import { paginatedOperations, renderPagination } from "../../src/targets/client/pagination.ts";
import { findTextResponses } from "../../src/targets/client/text-responses.ts";
import { fixture } from "../helpers.ts";

const document = fixture("cursor-pagination.json");

describe("cursor-paginated operations are derived from the spec", () => {
  test("cursor param/body property AND a 2xx page with items + next_starting_after (through $ref and allOf)", () => {
    expect(paginatedOperations(buildModel(document))).toEqual([
      { path: "/things", method: "get", cursorIn: "query" },
      { path: "/things/search", method: "post", cursorIn: "body" },
    ]);
  });

  test("rendered as a runtime map and a PaginatedPath type", () => {
    const text = renderPagination(paginatedOperations(buildModel(document)));
    expect(text).toContain('"/things": { method: "get", cursorIn: "query" },');
    expect(text).toContain('"/things/search": { method: "post", cursorIn: "body" },');
    expect(text).toContain("export type PaginatedPath = keyof typeof paginatedOperations;");
    expect(text).not.toContain("cursor-but-no-page");
  });
});

test("operations answering text (csv) and not JSON are found", () => {
  expect(findTextResponses(document)).toEqual([{ path: "/things/export", method: "get" }]);
});
