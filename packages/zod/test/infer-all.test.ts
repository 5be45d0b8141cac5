// Every schema of the pinned spec, not a sample: for each component and each operation's body, query, path
// parameters and success response, `z.infer` of the generated schema must equal the types package's type
// (test/equal.ts). The exceptions are listed below with their reason; a new mismatch — or a listed one that
// got fixed — fails this test.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, test } from "vitest";
import * as schemas from "../src/index.js";
import { operationSchemas } from "../src/operations.js";

const run = promisify(execFile);
const packageDir = join(import.meta.dirname, "..");
const root = join(packageDir, "..", "..");

/**
 * What zod and openapi-typescript say differently, on purpose: an `anyOf`/`oneOf` whose members only add
 * `required` to the sibling `properties` (`campaign_id` or `list_id`; `body` or `include_original_body`). orval
 * distributes the siblings into each member — the object that validates what the spec means — while
 * openapi-typescript intersects them (`{…} & ({…} | {…})`) or, for members with no properties of their own,
 * collapses the union to `unknown`.
 */
const KNOWN_UNEQUAL = [
  "body bulkDeleteLeads",
  "body countLeadsFromSupersearch",
  "body createLeadFinderAgent",
  "body enrichLeadsFromSupersearch",
  "body forwardEmail",
  "body previewLeadsFromSupersearch",
  "body updateLeadFinderAgent",
];

test("z.infer of every component and operation schema equals the types package's type", async () => {
  // Names come from what the package exports: the table's schemas by identity, components by their suffix.
  const nameOf = new Map<unknown, string>(Object.entries(schemas).map(([name, value]) => [value, name]));
  const checks: string[] = [];
  const check = (label: string, schema: unknown, type: string) =>
    checks.push(`assert<Equal<z.infer<typeof S.${nameOf.get(schema)}>, ${type}>>(); // ${label}`);
  for (const name of Object.keys(schemas).filter((name) => /^[A-Z]\w*Schema$/.test(name)))
    checks.push(
      `assert<Equal<z.infer<typeof S.${name}>, T.${name.slice(0, -"Schema".length)}>>(); // component ${name}`,
    );
  for (const [id, entry] of Object.entries(operationSchemas)) {
    if (entry.body) check(`body ${id}`, entry.body, `T.RequestBody<"${id}">`);
    if (entry.query) check(`query ${id}`, entry.query, `T.QueryParams<"${id}">`);
    if (entry.params) check(`params ${id}`, entry.params, `T.PathParams<"${id}">`);
    const success = Object.keys(entry.responses)
      .map(Number)
      .filter((status) => status >= 200 && status < 300)
      .sort((a, b) => a - b)[0];
    if (success !== undefined) check(`response ${id}`, entry.responses[success], `T.ResponseBody<"${id}">`);
  }
  const dir = mkdtempSync(join(packageDir, "test", ".infer-all-"));
  try {
    const lines = [
      'import type * as T from "@instantly-kit/types";',
      'import type { z } from "zod";',
      'import type * as S from "../../src/index.js";',
      'import type { Equal } from "../equal.js";',
      "declare function assert<_ extends true>(): void;",
      ...checks,
    ];
    writeFileSync(join(dir, "checks.ts"), `${lines.join("\n")}\n`);
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({ extends: "../../tsconfig.json", include: ["checks.ts"] }),
    );
    const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
    const output = await run(process.execPath, [tsc, "-p", join(dir, "tsconfig.json"), "--noEmit"], {
      maxBuffer: 64 * 1024 * 1024,
    }).then(
      () => "",
      (error: { stdout?: string }) => error.stdout ?? String(error),
    );
    const failed = [...output.matchAll(/checks\.ts\((\d+),\d+\): error/g)].map(
      (match) => (lines[Number(match[1]) - 1] ?? "").split("// ")[1] ?? `line ${match[1]}`,
    );
    // Only equality assertions may fail: anything else (a missing export, a syntax error) is a real error.
    const other = output.split("\n").filter((line) => /error TS/.test(line) && !/TS2344/.test(line));
    expect(other).toEqual([]);
    expect(checks.length).toBeGreaterThan(400);
    expect([...new Set(failed)].sort()).toEqual(KNOWN_UNEQUAL);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 600_000);
