// The types and client targets end to end on a small hand-written spec: the files they write, their
// names, and that the same spec gives the same bytes (no noisy regeneration diffs).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { buildModel } from "../../src/model/index.ts";
import { projectPaths } from "../../src/paths.ts";
import { clientTarget } from "../../src/targets/client/index.ts";
import { GENERATED_BANNER, type Target } from "../../src/targets/target.ts";
import { typesTarget } from "../../src/targets/types/index.ts";
import { fixture, stubLock } from "../helpers.ts";

const document = fixture("cursor-pagination.json");
// A numeric enum on Thing, and a schema whose name would clash with a helper type.
(document.components as { schemas: Record<string, unknown> }).schemas.Thing = {
  title: "Thing",
  type: "object",
  properties: {
    id: { type: "string" },
    state: { type: "integer", enum: [0, 1], "x-enumDescriptions": { "0": "Off", "1": "On" } },
  },
};
(document.components as { schemas: Record<string, unknown> }).schemas.ResponseBody = { type: "object" };

const lock = stubLock("fixture");
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function generate(target: Target): Promise<Record<string, string>> {
  const outDir = mkdtempSync(join(tmpdir(), `ik-${target.packageDir}-`));
  dirs.push(outDir);
  await target.generate({ model: buildModel(document), lock, outDir, paths: projectPaths() });
  return Object.fromEntries(
    readdirSync(outDir)
      .sort()
      .map((name) => [name, readFileSync(join(outDir, name), "utf8")]),
  );
}

describe("types target", () => {
  test("writes openapi-typescript output, named schema types, enum constants and scopes, each with the banner", async () => {
    const files = await generate(typesTarget);
    expect(Object.keys(files)).toEqual(["enums.gen.ts", "openapi.gen.ts", "schemas.gen.ts", "scopes.gen.ts"]);
    expect(files["scopes.gen.ts"]).toContain(
      "export const operationScopes: Readonly<Record<keyof operations, readonly Scope[]>> = {",
    );
    for (const text of Object.values(files)) expect(text.startsWith(GENERATED_BANNER)).toBe(true);
    expect(files["openapi.gen.ts"]).toContain("export interface paths {");
    expect(files["openapi.gen.ts"]).toContain("listThing: {");
    expect(files["schemas.gen.ts"]).toContain('export type Thing = components["schemas"]["Thing"];');
    expect(files["schemas.gen.ts"]).toContain('export type ThingPage = components["schemas"]["ThingPage"];');
    // would clash with the ResponseBody<Id> helper: reachable as components["schemas"]["ResponseBody"]
    expect(files["schemas.gen.ts"]).not.toContain("export type ResponseBody");
    expect(files["enums.gen.ts"]).toMatch(
      /export const ThingState = \{\n {2}\/\*\*[^\n]*\*\/\n {2}Off: 0,\n {2}\/\*\*[^\n]*\*\/\n {2}On: 1,\n\} as const;/,
    );
    expect(files["enums.gen.ts"]).toContain(
      "export function isThingState(value: unknown): value is ThingState {",
    );
  });

  test("is deterministic", async () => {
    expect(await generate(typesTarget)).toEqual(await generate(typesTarget));
  });
});

describe("client target", () => {
  test("writes the pagination, text-response and operation-id maps", async () => {
    const files = await generate(clientTarget);
    expect(Object.keys(files)).toEqual([
      "operation-ids.gen.ts",
      "pagination.gen.ts",
      "text-responses.gen.ts",
    ]);
    expect(files["operation-ids.gen.ts"]).toContain('"/things/search": { POST: "searchThing" },');
    expect(files["pagination.gen.ts"]).toContain('"/things/search": { method: "post", cursorIn: "body" },');
    expect(files["text-responses.gen.ts"]).toContain('"/things/export": { GET: true },');
  });

  test("is deterministic", async () => {
    expect(await generate(clientTarget)).toEqual(await generate(clientTarget));
  });
});
