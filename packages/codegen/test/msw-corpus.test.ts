// Corpus test for @instantly-kit/msw: every real spec version in ../shared/specs is normalized with the real
// pipeline (loadSpec), its mocks are built (each checked against its schema at generate time) and generated
// next to the generated types into a temp copy of both packages, and one real `tsc` run type-checks them all —
// the mock literals are typed with @instantly-kit/types, so a mock that disagrees with the types fails here.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, test } from "vitest";
import { projectPaths } from "../src/paths.ts";
import { loadSpec } from "../src/spec/load.ts";
import type { SpecLock } from "../src/spec/lock.ts";
import { generateMsw } from "../src/targets/msw/index.ts";
import { typesTarget } from "../src/targets/types/index.ts";
import { SPECS_DIR } from "./helpers.ts";

const run = promisify(execFile);
const paths = projectPaths();
const packagesDir = paths.packagesDir;

// latest.json is a byte copy of the newest version: check each distinct document once.
const specs = (() => {
  const seen = new Set<string>();
  return readdirSync(SPECS_DIR)
    .filter((file) => file.endsWith(".json") && file !== "manifest.json")
    .sort()
    .filter((file) => {
      const hash = createHash("sha256")
        .update(readFileSync(join(SPECS_DIR, file)))
        .digest("hex");
      if (seen.has(hash)) return false;
      seen.add(hash);
      return true;
    });
})();

/** What a test setup of an app does with the package; names that exist in every era. */
const consumer = `import { setupServer } from "msw/node";
import { createHandlers, createMockApi, handlers, mockErrorResponse, type MockOperationId } from "./msw/src/index.js";
import { startMockServer } from "./msw/src/node.js";

export async function app(): Promise<number> {
  const server = setupServer(...handlers, ...createHandlers({ baseUrl: "http://localhost:3000" }));
  const api = createMockApi({ seed: 1 });
  api.seed("campaigns", 3);
  const id: MockOperationId = "listCampaign";
  const response: Response = mockErrorResponse(id, 429);
  const mock = await startMockServer({ port: 0 });
  await mock.close();
  server.close();
  return api.store.list("campaigns").length + response.status;
}
`;

let dir: string;
const invalid = new Map<string, string[]>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "ik-msw-corpus-"));
  // Resolve msw and @types/node exactly as the msw package does.
  symlinkSync(join(packagesDir, "msw", "node_modules"), join(dir, "node_modules"));
  writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
  const lock = {
    source: "corpus",
    sha256: "",
    pulledAt: "",
    counts: { paths: 0, operations: 0, schemas: 0 },
    warnings: [],
  } as SpecLock;
  for (const file of specs) {
    const root = join(dir, file.replace(/\.json$/, ""));
    const { document } = await loadSpec(join(SPECS_DIR, file));
    for (const packageDir of ["types", "msw"]) {
      cpSync(join(packagesDir, packageDir, "src"), join(root, packageDir, "src"), {
        recursive: true,
        filter: (from) => !from.includes("generated"),
      });
      mkdirSync(join(root, packageDir, "src", "generated"), { recursive: true });
    }
    await typesTarget.generate({ document, lock, outDir: join(root, "types", "src", "generated"), paths });
    const outDir = join(root, "msw", "src", "generated");
    invalid.set(file, (await generateMsw(document, outDir)).invalid);
    // The msw package imports the types package by name; point it at this era's copy.
    const operationsFile = join(outDir, "operations.gen.ts");
    writeFileSync(
      operationsFile,
      readFileSync(operationsFile, "utf8").replaceAll(
        '"@instantly-kit/types"',
        '"../../../types/src/index.js"',
      ),
    );
    writeFileSync(join(root, "consumer.ts"), consumer);
  }
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      extends: join(paths.root, "tsconfig.base.json"),
      compilerOptions: { types: ["node"], noEmit: true, declarationMap: false, sourceMap: false },
      include: ["*/types/src/**/*.ts", "*/msw/src/**/*.ts", "*/consumer.ts"],
    }),
  );
}, 300_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test("every spec version's mocks validate against their schemas", () => {
  expect(specs.length).toBeGreaterThanOrEqual(10);
  for (const file of specs) expect(invalid.get(file), file).toEqual([]);
});

test("every spec version generates mocks and handlers that type-check against its types", async () => {
  const tsc = join(paths.root, "node_modules", "typescript", "bin", "tsc");
  const result = await run(process.execPath, [tsc, "-p", join(dir, "tsconfig.json")], {
    maxBuffer: 64 * 1024 * 1024,
  }).then(
    () => "",
    (error: { stdout?: string; message: string }) => error.stdout || error.message,
  );
  expect(result.split("\n").slice(0, 30).join("\n")).toBe("");
}, 300_000);
