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
    key: ["/api/v2/campaigns", "c1"],
  });
});

it("the main entry never reaches the test kit's dependencies (msw, vitest, Testing Library)", async () => {
  const { build } = await import("esbuild");
  const result = await build({
    stdin: {
      contents: 'export { useGetCampaign, InstantlyProvider } from "@instantly-kit/react-query";',
      resolveDir: import.meta.dirname,
    },
    bundle: true,
    write: false,
    metafile: true,
    format: "esm",
    platform: "browser",
    external: ["react", "react/jsx-runtime", "@tanstack/react-query"],
    logLevel: "silent",
  });
  const inputs = Object.keys(result.metafile.inputs);
  expect(inputs.some((path) => /(^|\/)dist\/index\.js$/.test(path))).toBe(true);
  expect(inputs.filter((path) => /msw|vitest|testing-library|dist\/testing\//.test(path))).toEqual([]);
});

it("the testing entry resolves by package name to built ESM that exports the kit", async () => {
  // Resolved and read, not imported: the kit registers vitest hooks, which only a test run can.
  const script = `
    const url = import.meta.resolve("@instantly-kit/react-query/testing");
    const text = (await import("node:fs")).readFileSync(new URL(url), "utf8");
    console.log(JSON.stringify({ url, text }));`;
  const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script], {
    cwd: import.meta.dirname,
  });
  const { url, text } = JSON.parse(stdout) as { url: string; text: string };
  expect(url).toMatch(/\/dist\/testing\/index\.js$/);
  for (const name of [
    "setupMockApi",
    "renderWithInstantly",
    "createInstantlyWrapper",
    "scrollObservedIntoView",
  ]) {
    expect(text).toContain(name);
  }
});
