// @vitest-environment node
// The built package as Node itself loads it (no bundler, no vitest transform): valid ESM, the exports map
// resolves, generated files' imports have extensions, and the public names are there.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, it } from "vitest";

const run = promisify(execFile);

it("dist imports in plain Node ESM by package name", async () => {
  const script = `
    const m = await import("@instantly-kit/react-query");
    console.log(JSON.stringify({
      hooks: [typeof m.useGetCampaign, typeof m.useListCampaignInfinite, typeof m.useCreateLeadLabel, typeof m.InstantlyProvider],
      key: m.getGetCampaignQueryKey("c1"),
    }));`;
  const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script], {
    cwd: import.meta.dirname,
  });
  expect(JSON.parse(stdout)).toEqual({
    hooks: ["function", "function", "function", "function"],
    key: ["instantly", "campaigns", "item", "c1"],
  });
});
