// Corpus test for the generated packages: for every real spec version in ../shared/specs, normalize it
// with the real pipeline (loadSpec), generate @instantly-kit/types and @instantly-kit/client into a temp
// copy of the two packages (their hand-written sources + the generated code), and compile everything —
// the packages (with declaration emit, as `build` does) and a small consumer making typed calls — with
// the real `tsc` CLI. One tsc run for all versions keeps it within CI budget.
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
import { clientTarget } from "../src/targets/client/index.ts";
import { findPaginatedOperations } from "../src/targets/client/pagination.ts";
import { typesTarget } from "../src/targets/types/index.ts";
import { SPECS_DIR } from "./helpers.ts";

const run = promisify(execFile);
const paths = projectPaths();
const packagesDir = paths.packagesDir;

// latest.json is a byte copy of the newest version: compile each distinct document once.
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

/** Ten typed calls an app would make; names that must exist in every era of the spec. */
const consumer = `import { createInstantlyClient, paginate, unwrap } from "./client/src/index.js";
import type { Account, Campaign, Lead, OperationId, QueryParams, ResponseBody } from "./types/src/index.js";

const client = createInstantlyClient({ apiKey: "key" });

export async function app(): Promise<number> {
  const campaigns = unwrap(await client.GET("/api/v2/campaigns", { params: { query: { limit: 10 } } }));
  const first: Campaign | undefined = campaigns.items?.[0];
  const one = unwrap(await client.GET("/api/v2/campaigns/{id}", { params: { path: { id: "c1" } } }));
  const same: ResponseBody<"getCampaign"> = one;
  const accounts = unwrap(await client.GET("/api/v2/accounts", { params: { query: { limit: 5 } } }));
  const account: Account | undefined = accounts.items?.[0];
  const query: QueryParams<"listCampaign"> = { limit: 1 };
  let leads = 0;
  for await (const lead of paginate(client, "/api/v2/leads/list", { body: { limit: 100 } })) {
    const typed: Lead = lead;
    leads += typed ? 1 : 0;
  }
  for await (const campaign of paginate(client, "/api/v2/campaigns")) {
    const typed: Campaign = campaign;
    leads += typed ? 1 : 0;
  }
  const id: OperationId = "listCampaign";
  // @ts-expect-error not a path of the API
  await client.GET("/api/v2/nope");
  return leads + (first ? 1 : 0) + (same ? 1 : 0) + (account ? 1 : 0) + (query.limit ?? 0) + id.length;
}
`;

let dir: string;
const generated = new Map<string, { operations: number; paginated: number }>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "ik-corpus-"));
  // Resolve openapi-fetch, @types/node… exactly as the client package does.
  symlinkSync(join(packagesDir, "client", "node_modules"), join(dir, "node_modules"));
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
    for (const target of [typesTarget, clientTarget]) {
      const src = join(root, target.packageDir, "src");
      cpSync(join(packagesDir, target.packageDir, "src"), src, {
        recursive: true,
        filter: (from) => !from.includes("generated"),
      });
      mkdirSync(join(src, "generated"), { recursive: true });
      await target.generate({ document, lock, outDir: join(src, "generated"), paths });
    }
    // The client imports the types package by name; point it at this era's copy.
    for (const name of readdirSync(join(root, "client", "src"))) {
      if (!name.endsWith(".ts")) continue;
      const file = join(root, "client", "src", name);
      writeFileSync(
        file,
        readFileSync(file, "utf8").replaceAll('"@instantly-kit/types"', '"../../types/src/index.js"'),
      );
    }
    writeFileSync(join(root, "consumer.ts"), consumer);
    const operations = Object.values(document.paths as Record<string, object>).reduce<number>(
      (count, item) => count + Object.keys(item).filter((key) => key !== "parameters").length,
      0,
    );
    generated.set(file, { operations, paginated: findPaginatedOperations(document).length });
  }
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      extends: join(paths.root, "tsconfig.base.json"),
      compilerOptions: {
        types: [],
        declaration: true,
        emitDeclarationOnly: true,
        declarationMap: false,
        sourceMap: false,
        outDir: join(dir, "out"),
        rootDir: dir,
      },
      include: ["*/types/src/**/*.ts", "*/client/src/**/*.ts", "*/consumer.ts"],
    }),
  );
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test("every spec version generates, builds and type-checks (packages + a consumer)", async () => {
  expect(specs.length).toBeGreaterThanOrEqual(10);
  const tsc = join(paths.root, "node_modules", "typescript", "bin", "tsc");
  const result = await run(process.execPath, [tsc, "-p", join(dir, "tsconfig.json")], {
    maxBuffer: 64 * 1024 * 1024,
  }).then(
    () => "",
    (error: { stdout?: string; message: string }) => error.stdout || error.message,
  );
  expect(result.split("\n").slice(0, 30).join("\n")).toBe("");
  // Declarations were emitted for every era (the `build` half).
  for (const file of specs) {
    const out = join(dir, "out", file.replace(/\.json$/, ""), "client", "src", "index.d.ts");
    expect(readFileSync(out, "utf8")).toContain("createInstantlyClient");
  }
}, 180_000);

test("pagination is derived in every era: the newest spec has the 33 documented operations", () => {
  for (const [file, { paginated }] of generated) expect(paginated, file).toBeGreaterThan(10);
  const newest = [...generated.keys()]
    .filter((file) => file !== "latest.json")
    .sort()
    .at(-1) as string;
  expect(generated.get(newest)).toEqual({ operations: 240, paginated: 33 });
});
