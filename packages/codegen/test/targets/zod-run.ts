// The zod target's output for a hand-written spec, generated into a scratch folder and run: with the zod that
// @instantly-kit/zod ships with (this package does not depend on it) and the zod package's own runtime module
// that the generated file imports (`../unique-items.js`). What the body-transform tables hold to Ajv.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import ts from "typescript";
import { buildModel } from "../../src/model/index.ts";
import { generateZodSchemas } from "../../src/targets/zod/index.ts";

export interface Schema {
  safeParse(value: unknown): {
    success: boolean;
    error?: { issues: { path: PropertyKey[]; message: string }[] };
  };
}

const zodPackage = join(import.meta.dirname, "..", "..", "..", "zod");

/** TypeScript → a CommonJS module's exports, its imports answered by `modules`. */
function run(source: string, modules: Record<string, unknown>): Record<string, unknown> {
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  });
  const module = { exports: {} as Record<string, unknown> };
  new Function("require", "module", "exports", outputText)(
    (name: string) => {
      if (!(name in modules)) throw new Error(`the generated file imports ${name}`);
      return modules[name];
    },
    module,
    module.exports,
  );
  return module.exports;
}

/** The `schemas.gen.ts` that `generate zod` writes for `spec`, and its schemas by export name. */
export async function generatedSchemas(
  spec: Record<string, unknown>,
): Promise<{ source: string; schemas: Record<string, Schema> }> {
  const dir = await mkdtemp(join(tmpdir(), "ik-zod-run-"));
  try {
    await generateZodSchemas(buildModel(structuredClone(spec)), dir);
    const zod = createRequire(join(zodPackage, "package.json"))("zod");
    const uniqueItems = run(await readFile(join(zodPackage, "src", "unique-items.ts"), "utf8"), { zod });
    const source = await readFile(join(dir, "schemas.gen.ts"), "utf8");
    const schemas = run(source, { zod, "../unique-items.js": uniqueItems }) as Record<string, Schema>;
    return { source, schemas };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * A spec of one `POST /api/v2/<operationId>` per entry of `bodies` (operationId → its JSON request body schema),
 * each answering 200 with `response`; `schemas` are its components. What the body-transform tables generate.
 */
export function bodiesSpec(
  bodies: Record<string, Record<string, unknown>>,
  response: Record<string, unknown>,
  schemas: Record<string, Record<string, unknown>> = {},
) {
  return {
    openapi: "3.1.0",
    info: { title: "request bodies", version: "1" },
    paths: Object.fromEntries(
      Object.entries(bodies).map(([id, schema]) => [
        `/api/v2/${id}`,
        {
          post: {
            operationId: id,
            requestBody: { required: true, content: { "application/json": { schema } } },
            responses: {
              "200": { description: "ok", content: { "application/json": { schema: response } } },
            },
          },
        },
      ]),
    ),
    components: { schemas },
  };
}

/** Ajv's verdict (JSON Schema 2020-12, the mocks' reference) on a body of `POST /api/v2/<id>` in `spec`. */
export function ajvBodyVerdicts(spec: object): (id: string, body: unknown) => boolean {
  const ajv = new Ajv2020({ strict: false });
  ajv.addSchema(structuredClone(spec), "spec");
  // Compiled once per operation: Ajv caches by schema object, and a `{ $ref }` made per call is compiled per call.
  const validators = new Map<string, ValidateFunction>();
  return (id, body) => {
    let validate = validators.get(id);
    if (!validate) {
      validate = ajv.compile({
        $ref: `spec#/paths/~1api~1v2~1${id}/post/requestBody/content/application~1json/schema`,
      });
      validators.set(id, validate);
    }
    return validate(body) as boolean;
  };
}
