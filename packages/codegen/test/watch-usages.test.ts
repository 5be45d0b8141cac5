// Where an app uses a changed operation (found in the TypeScript syntax tree) and which operation an error of its
// type-check or tests comes from. A table of every kind of use, and of the look-alikes that are not uses.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseTestFailures, parseTscErrors, tieToOperations } from "../src/watch/diagnostics.ts";
import { findUsages, type OperationRef } from "../src/watch/usages.ts";

const OPS: OperationRef[] = [
  { id: "getCampaign", method: "GET", path: "/api/v2/campaigns/{id}", paginated: false },
  { id: "listCampaign", method: "GET", path: "/api/v2/campaigns", paginated: true },
  { id: "createLeadLabel", method: "POST", path: "/api/v2/lead-labels", paginated: false },
  {
    id: "getDailyCampaignAnalytics",
    method: "GET",
    path: "/api/v2/campaigns/analytics/daily",
    paginated: false,
  },
];

// Each line marked `// use: <operationId> <kind>[; use: …]` must be found, and nothing else.
const FILES: Record<string, string> = {
  "src/pages/Campaign.tsx": `import { useGetCampaign, getListCampaignQueryOptions as listOptions } from "@instantly-kit/react-query"; // use: getCampaign hook; use: listCampaign query options
import { useQuery } from "@tanstack/react-query";
import type { RequestBody } from "@instantly-kit/types";
export function Page({ id }: { id: string }) {
  const campaign = useGetCampaign(id); // use: getCampaign hook
  const list = useQuery(listOptions()); // use: listCampaign query options
  const body: RequestBody<"createLeadLabel"> = { label: "x" }; // use: createLeadLabel type
  // useGetDailyCampaignAnalytics in a comment is not a use, nor is "getDailyCampaignAnalytics" in a string:
  const note = "getDailyCampaignAnalytics";
  return [campaign, list, body, note];
}`,
  "src/api.ts": `import { createInstantlyClient, paginate } from "@instantly-kit/client";
const client = createInstantlyClient({ apiKey: "k" });
export const one = () => client.GET("/api/v2/campaigns/{id}", { params: { path: { id: "1" } } }); // use: getCampaign client call
export const made = () => client.POST(\`/api/v2/lead-labels\`, { body: { label: "x" } }); // use: createLeadLabel client call
export const wrongMethod = () => client.DELETE("/api/v2/lead-labels", {});
export async function* all() {
  yield* paginate(client, "/api/v2/campaigns", {}); // use: listCampaign paginate
}`,
  "src/local.ts": `// Not from our packages: a local function with a hook's name is not a use.
function useGetCampaign() { return 1; }
export const x = useGetCampaign();`,
  "test/app.test.tsx": `import { mockError } from "@instantly-kit/msw";
export const handler = mockError("listCampaign", 429); // use: listCampaign mock`,
  "node_modules/dep/index.ts": `import { useGetCampaign } from "@instantly-kit/react-query"; useGetCampaign("1");`,
};

const appDir = mkdtempSync(join(tmpdir(), "instantly-kit-usages-"));
for (const [file, text] of Object.entries(FILES)) {
  mkdirSync(dirname(join(appDir, file)), { recursive: true });
  writeFileSync(join(appDir, file), text);
}
afterAll(() => rmSync(appDir, { recursive: true, force: true }));

function expectedUses(): string[] {
  return Object.entries(FILES).flatMap(([file, text]) =>
    text.split("\n").flatMap((line, index) => {
      const marks = line.split("// ")[1]?.split("; ") ?? [];
      return marks.flatMap((mark) => {
        const match = /^use: (\w+) (.+)$/.exec(mark);
        return match ? [`${file}:${index + 1} ${match[1]} ${match[2]}`] : [];
      });
    }),
  );
}

describe("findUsages", () => {
  it("finds every marked use, by kind, and nothing else", () => {
    const found = findUsages(appDir, OPS).map((u) => `${u.file}:${u.line} ${u.operationId} ${u.kind}`);
    expect(found.sort()).toEqual(expectedUses().sort());
  });

  it("only looks for the operations it is given", () => {
    const found = findUsages(
      appDir,
      OPS.filter((op) => op.id === "createLeadLabel"),
    );
    expect(new Set(found.map((u) => u.operationId))).toEqual(new Set(["createLeadLabel"]));
  });
});

describe("errors tied to operations", () => {
  const usages = findUsages(appDir, OPS);

  it("by the usage on the error's line, by a name in the message, by the nearest usage above, or not at all", () => {
    const tsc = [
      `src/pages/Campaign.tsx(5,20): error TS2554: Expected 2 arguments, but got 1.`,
      `src/other.ts(3,1): error TS2305: Module '"@instantly-kit/react-query"' has no exported member 'useGetDailyCampaignAnalytics'.`,
      `src/api.ts(6,3): error TS2322: Type 'number' is not assignable to type 'string'.`,
      `src/unrelated.ts(1,1): error TS2322: Type 'number' is not assignable to type 'string'.`,
      "Found 4 errors.",
    ].join("\n");
    const tied = tieToOperations(
      parseTscErrors(tsc),
      usages,
      OPS.map((op) => op.id),
    );
    expect(tied.map((e) => [e.file, e.line, e.code, e.operationId, e.tiedBy])).toEqual([
      ["src/pages/Campaign.tsx", 5, "TS2554", "getCampaign", "line"],
      ["src/other.ts", 3, "TS2305", "getDailyCampaignAnalytics", "name"],
      ["src/api.ts", 6, "TS2322", "createLeadLabel", "nearest"],
      ["src/unrelated.ts", 1, "TS2322", undefined, undefined],
    ]);
  });

  it("reads vitest's failures with the frame in the test file", () => {
    const output = [
      " FAIL  |jsdom| test/app.test.tsx > campaigns > survives a rate limit",
      "TypeError: useGetCampaign is not a function",
      " ❯ src/pages/Campaign.tsx:5:20",
      " ❯ test/app.test.tsx:2:24",
      "",
      " Test Files  1 failed (1)",
    ].join("\n");
    const [failure, ...rest] = tieToOperations(parseTestFailures(output), usages);
    expect(rest).toEqual([]);
    expect(failure).toMatchObject({
      file: "test/app.test.tsx",
      line: 2,
      code: "test",
      operationId: "listCampaign",
      tiedBy: "line",
    });
    expect(failure?.message).toBe(
      "campaigns > survives a rate limit: TypeError: useGetCampaign is not a function",
    );
  });
});
