// @vitest-environment node
// The built package as Node itself loads it (no bundler, no vitest transform): valid ESM, the exports map
// resolves, generated files' imports have extensions, and the public names are there.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import ts from "typescript";
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

// The per-resource entries (`./*` → dist/generated/<resource>.gen.*) and `./core` (ADR 0025). attw does not look
// into wildcard subpaths, so these two tests are what proves them: Node resolves every resource file through
// the exports map, and TypeScript resolves the same names to typed declarations.
const distGenerated = join(import.meta.dirname, "..", "dist", "generated");
const resources = readdirSync(distGenerated)
  .filter((file) => file.endsWith(".gen.js"))
  .map((file) => file.slice(0, -".gen.js".length))
  // index: all hooks; model: parameter types; resources: each resource's item type (for updateCached).
  .filter((name) => name !== "index" && name !== "model" && name !== "resources");

it("every resource entry and ./core import in plain Node; ./core is the root minus the hooks", async () => {
  expect(resources).toContain("campaign");
  const script = `
    const root = await import("@instantly-kit/react-query");
    const all = await import("@instantly-kit/react-query/index");
    const core = await import("@instantly-kit/react-query/core");
    const entries = {};
    for (const name of ${JSON.stringify(resources)}) entries[name] = Object.keys(await import("@instantly-kit/react-query/" + name));
    console.log(JSON.stringify({
      handWritten: Object.keys(root).filter((k) => !(k in all)).sort(),
      core: Object.keys(core).sort(),
      entries,
      union: [...new Set(Object.values(entries).flat())].sort(),
      generated: Object.keys(all).sort(),
    }));`;
  const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script], {
    cwd: import.meta.dirname,
  });
  const out = JSON.parse(stdout) as {
    handWritten: string[];
    core: string[];
    entries: Record<string, string[]>;
    union: string[];
    generated: string[];
  };
  expect(out.core).toEqual(out.handWritten);
  expect(out.core).toContain("InstantlyProvider");
  expect(out.entries.campaign).toContain("useGetCampaign");
  expect(out.entries.campaign).not.toContain("useGetLead");
  expect(out.entries.lead).toContain("useListLeads");
  // Together the resource entries export every generated runtime name of the root, each from one entry.
  expect(out.union).toEqual(out.generated);
  expect(Object.values(out.entries).flat()).toHaveLength(out.generated.length);
});

it.each(["NodeNext", "Bundler"] as const)(
  "TypeScript (%s) types the resource entries and ./core",
  (resolution) => {
    const dir = mkdtempSync(join(tmpdir(), "ik-rq-entries-"));
    try {
      mkdirSync(join(dir, "node_modules", "@instantly-kit"), { recursive: true });
      symlinkSync(
        join(import.meta.dirname, ".."),
        join(dir, "node_modules", "@instantly-kit", "react-query"),
      );
      writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
      writeFileSync(
        join(dir, "app.ts"),
        [
          'import { useGetCampaign, getGetCampaignQueryKey } from "@instantly-kit/react-query/campaign";',
          'import { useListLeads } from "@instantly-kit/react-query/lead";',
          'import { InstantlyProvider, invalidateTargets } from "@instantly-kit/react-query/core";',
          'export const key: readonly ["instantly", "campaigns", "item", string] = getGetCampaignQueryKey("c1");',
          "export const name = (id: string): string | undefined => useGetCampaign(id).data?.name;",
          "export const email = (): string | null | undefined => useListLeads({ limit: 1 }).data?.items?.[0]?.email;",
          "export const used = [InstantlyProvider, invalidateTargets];",
          "// @ts-expect-error: a resource entry exports only its own resource's hooks",
          'export { useGetLead } from "@instantly-kit/react-query/campaign";',
        ].join("\n"),
      );
      const program = ts.createProgram([join(dir, "app.ts")], {
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: [],
        target: ts.ScriptTarget.ES2022,
        module: resolution === "NodeNext" ? ts.ModuleKind.NodeNext : ts.ModuleKind.ESNext,
        moduleResolution:
          resolution === "NodeNext" ? ts.ModuleResolutionKind.NodeNext : ts.ModuleResolutionKind.Bundler,
      });
      const errors = ts
        .getPreEmitDiagnostics(program)
        .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      expect(errors).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
