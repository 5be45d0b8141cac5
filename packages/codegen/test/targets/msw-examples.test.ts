// `Prefer: example=<name>` needs the spec's named response examples in the generated operation table. The
// pinned spec documents none, so a tiny hand-written spec: inline and `$ref` examples, success and error
// responses, an example without a `value` (skipped), and an operation without any (no `examples` key).
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { buildModel } from "../../src/model/index.ts";
import { buildMockValues } from "../../src/targets/msw/index.ts";
import { mockOperations } from "../../src/targets/msw/mock-operations.ts";
import { renderOperations } from "../../src/targets/msw/render.ts";

const error = {
  type: "object",
  properties: { statusCode: { type: "number" }, error: { type: "string" }, message: { type: "string" } },
};
const document = {
  openapi: "3.1.0",
  info: { title: "fixture", version: "1" },
  paths: {
    "/api/v2/widgets/{id}": {
      get: {
        operationId: "getWidget",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: {
          "200": {
            description: "ok",
            content: {
              "application/json": {
                schema: { type: "object", properties: { id: { type: "string" }, size: { type: "number" } } },
                examples: {
                  small: { summary: "a small one", value: { id: "w1", size: 1 } },
                  "it's large": { $ref: "#/components/examples/Large" },
                  external: { externalValue: "https://example.com/widget.json" },
                },
              },
            },
          },
          "404": {
            description: "gone",
            content: {
              "application/json": {
                schema: error,
                examples: { gone: { value: { statusCode: 404, error: "Not Found", message: "deleted" } } },
              },
            },
          },
        },
      },
    },
    "/api/v2/gadgets": {
      get: {
        operationId: "listGadget",
        responses: {
          "200": { description: "ok", content: { "application/json": { schema: { type: "object" } } } },
        },
      },
    },
  },
  components: { examples: { Large: { value: { id: "w2", size: 99 } } } },
};

describe("named response examples", () => {
  const model = buildModel(document);
  const operations = mockOperations(model);
  const byId = (id: string) => operations.find((operation) => operation.operationId === id);

  it("are read per status, `$ref`s resolved, examples without a value skipped", () => {
    const examples = byId("getWidget")?.examples;
    expect([...(examples?.keys() ?? [])]).toEqual([200, 404]);
    expect(Object.fromEntries(examples?.get(200) ?? [])).toEqual({
      small: { id: "w1", size: 1 },
      "it's large": { id: "w2", size: 99 },
    });
    expect(Object.fromEntries(examples?.get(404) ?? [])).toEqual({
      gone: { statusCode: 404, error: "Not Found", message: "deleted" },
    });
    expect(byId("listGadget")?.examples.size).toBe(0);
  });

  it("land in the generated operation table, which runs and returns fresh copies", async () => {
    const source = renderOperations(operations, buildMockValues(model).values);
    // Only type imports: the transpiled module runs on its own.
    const js = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    const { operationSpecs } = await import(`data:text/javascript,${encodeURIComponent(js)}`);
    const widget = operationSpecs.getWidget;
    expect(widget.examples[200].small()).toEqual({ id: "w1", size: 1 });
    expect(widget.examples[200]["it's large"]()).toEqual({ id: "w2", size: 99 });
    expect(widget.examples[404].gone()).toEqual({ statusCode: 404, error: "Not Found", message: "deleted" });
    expect(widget.examples[200].small()).not.toBe(widget.examples[200].small());
    expect(Object.keys(widget.examples[200])).toEqual(["small", "it's large"]);
    expect("examples" in operationSpecs.listGadget).toBe(false);
  });
});
