// Mock quality, ours vs orval's raw MSW output, on the same normalized spec: for every operation with a JSON
// success body, is the default mock valid against the response schema (Ajv 2020-12 + ajv-formats, as our tests
// check), and is it the same on two calls? orval 8 generates with `mock: { generators: [{ type: "msw",
// useExamples: true }] }`; its TypeScript is transpiled (typescript.transpileModule) and imported as is.
// Run: `pnpm exec node bench/msw-vs-orval-mocks.ts` after `pnpm build`; writes bench/results/msw-vs-orval-mocks.json.
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { writeResults } from "./lib/measure.ts";

const root = join(import.meta.dirname, "..");
const fromCodegen = createRequire(join(root, "packages", "codegen", "package.json"));
const fromMsw = createRequire(join(root, "packages", "msw", "package.json"));
const { generate } = await import(pathToFileURL(fromCodegen.resolve("orval")).href);
const ts = fromCodegen("typescript") as typeof import("typescript");
const { Ajv2020 } = fromCodegen("ajv/dist/2020.js");
const addFormats = fromCodegen("ajv-formats");
const ours = await import(pathToFileURL(join(root, "packages", "msw", "dist", "index.js")).href);

interface OpenApiOperation {
  operationId: string;
  responses?: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }>;
}

const document = JSON.parse(readFileSync(join(root, "spec", "openapi.json"), "utf8"));
const tmp = mkdtempSync(join(root, "bench", "results", ".orval-mocks-"));
try {
  // orval's mocks import @faker-js/faker and msw: resolve both from here.
  mkdirSync(join(tmp, "node_modules", "@faker-js"), { recursive: true });
  symlinkSync(
    dirname(fromCodegen.resolve("@faker-js/faker/package.json")),
    join(tmp, "node_modules", "@faker-js", "faker"),
  );
  symlinkSync(dirname(fromMsw.resolve("msw/package.json")), join(tmp, "node_modules", "msw"));
  writeFileSync(join(tmp, "package.json"), '{ "type": "module" }\n');
  const started = performance.now();
  await generate(
    {
      input: { target: document },
      output: {
        target: join(tmp, "src", "endpoints.ts"),
        client: "fetch",
        mode: "tags",
        prettier: false,
        mock: { generators: [{ type: "msw", useExamples: true }] },
      },
    },
    tmp,
    { logLevel: "silent", throwOnError: true },
  );
  const orvalMs = Math.round(performance.now() - started);

  const orvalMocks = new Map<string, (...args: unknown[]) => unknown>();
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
  for (const file of walk(join(tmp, "src")).filter((path) => path.endsWith(".msw.ts"))) {
    const js = ts.transpileModule(readFileSync(file, "utf8"), {
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2022,
        verbatimModuleSyntax: false,
      },
    }).outputText;
    const out = file.replace(/\.ts$/, ".mjs");
    writeFileSync(out, js);
    const module = await import(pathToFileURL(out).href);
    for (const [name, value] of Object.entries(module)) {
      if (name.endsWith("ResponseMock") && typeof value === "function")
        orvalMocks.set(name, value as () => unknown);
    }
  }

  const ajv = new Ajv2020({ strict: false, logger: false, validateSchema: false });
  addFormats(ajv);
  ajv.addSchema(document, "spec");
  const fragment = (segment: string) =>
    encodeURIComponent(segment.replaceAll("~", "~0").replaceAll("/", "~1"));
  const rows: { operationId: string; ours: [boolean, boolean]; orval?: [boolean, boolean] }[] = [];
  for (const [path, item] of Object.entries(
    document.paths as Record<string, Record<string, OpenApiOperation>>,
  )) {
    for (const [method, operation] of Object.entries(item)) {
      const responses = operation?.responses ?? {};
      const status = Object.keys(responses).find((code) => code.startsWith("2"));
      const schema = status ? responses[status]?.content?.["application/json"]?.schema : undefined;
      if (!schema || Object.keys(schema).length === 0) continue;
      const validate = ajv.compile({
        $ref: `spec#/paths/${fragment(path)}/${method}/responses/${status}/content/application~1json/schema`,
      });
      const name = `get${operation.operationId.charAt(0).toUpperCase()}${operation.operationId.slice(1)}ResponseMock`;
      const check = (make: () => unknown): [boolean, boolean] => {
        const first = make();
        return [validate(first) as boolean, JSON.stringify(first) === JSON.stringify(make())];
      };
      const orvalMock = orvalMocks.get(name);
      rows.push({
        operationId: operation.operationId,
        ours: check(() => ours.defaultBodies[operation.operationId]()),
        ...(orvalMock ? { orval: check(() => orvalMock()) } : {}),
      });
    }
  }
  const count = (pick: (row: (typeof rows)[number]) => boolean) => rows.filter(pick).length;
  const result = {
    operations: rows.length,
    ours: { valid: count((row) => row.ours[0]), sameOnEveryCall: count((row) => row.ours[1]) },
    orval: {
      generated: count((row) => row.orval !== undefined),
      valid: count((row) => row.orval?.[0] === true),
      sameOnEveryCall: count((row) => row.orval?.[1] === true),
      generateMs: orvalMs,
      invalidExamples: rows.filter((row) => row.orval && !row.orval[0]).map((row) => row.operationId),
    },
  };
  console.log(`mock quality — ${rows.length} operations with a JSON success body`);
  console.log(`ours : ${result.ours.valid} valid, ${result.ours.sameOnEveryCall} identical on two calls`);
  console.log(
    `orval: ${result.orval.generated} mocks, ${result.orval.valid} valid, ${result.orval.sameOnEveryCall} identical on two calls`,
  );
  writeResults("msw-vs-orval-mocks", result);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
