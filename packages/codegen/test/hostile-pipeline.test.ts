// Issue 8 §1, the class "text from the spec never becomes code", end to end: seeded hostile-but-valid specs
// (test/hostile-pipeline/spec.ts: every place a spec string reaches generated code, each carrying `*/`, `/*`, backticks,
// `${…}`, quotes, backslashes, newlines, U+2028/U+2029, `</script>`, non-BMP characters, very long runs, and
// payloads that set a canary) go through the real pipeline on a scratch copy of the repo: `spec:pull`, `generate`
// for every target, every package's `build` (tsc: type-check + emit). Then every built entry point is imported
// in a fresh Node process, which must see no canary, and every string must come back exactly where it belongs:
// runtime values the packages export, and .d.ts property names, literal types and comment text (read with the
// TypeScript compiler API; comments modulo the documented escape).
//
// Runtime: one full pipeline per seed (~1–2 min on a loaded 2-core machine). HOSTILE_SEEDS="1,2,3" runs others.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  commentBody,
  type DeclarationView,
  escapeForEmit,
  escapeForOpenapiTs,
  probeRuntime,
  type RuntimeView,
  readDeclarations,
  squash,
} from "./hostile-pipeline/observe.ts";
import { type Check, hostileSpec, PLACES } from "./hostile-pipeline/spec.ts";
import { createWorkspace, type Workspace } from "./hostile-pipeline/workspace.ts";

const SEEDS = (process.env.HOSTILE_SEEDS ?? "1,2").split(",").map(Number);

/** Every key and string value anywhere in a JSON-like value. */
function strings(value: unknown, out: Set<string> = new Set()): Set<string> {
  if (typeof value === "string") out.add(value);
  else if (Array.isArray(value)) for (const item of value) strings(item, out);
  else if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      out.add(key);
      strings(item, out);
    }
  }
  return out;
}

interface Built {
  workspace: Workspace;
  texts: string[];
  runtime: RuntimeView;
  types: DeclarationView;
  msw: DeclarationView;
  reactQuery: DeclarationView;
}

/** Whether `text` is where `check` says, in what the pipeline built. */
function found(check: Check, text: string, built: Built): boolean {
  const { runtime, types } = built;
  const inComments = (file: string, escaped: (text: string) => string, view: DeclarationView = types) =>
    (view.comments.get(file) ?? []).some((comment) =>
      squash(commentBody(comment)).includes(squash(escaped(text))),
    );
  const inAnyComment = (view: DeclarationView) =>
    [...view.comments.keys()].some((file) => inComments(file, escapeForEmit, view));
  switch (check) {
    case "types.label":
      return runtime.labels.includes(text);
    case "types.property":
      return types.properties.has(text);
    case "types.literal":
      return types.literals.has(text);
    case "types.openapiDoc":
      return inComments("openapi.gen.d.ts", escapeForOpenapiTs);
    case "types.enumDoc":
      return inComments("enums.gen.d.ts", escapeForEmit);
    case "msw.doc":
      return inAnyComment(built.msw);
    case "reactQuery.doc":
      return inAnyComment(built.reactQuery);
    case "client.paginated":
      return runtime.paginated.includes(text);
    case "client.text":
      return runtime.text.includes(text);
    case "client.operationPath":
      return runtime.operationPaths.includes(text);
    case "types.scope":
      return runtime.scopes.includes(text);
    case "msw.path":
      return runtime.operations.some((operation) => operation.path === text);
    case "msw.contentType":
      return runtime.operations.some((operation) => operation.contentType === text);
    case "msw.requiredBody":
      return runtime.operations.some((operation) => operation.requiredBody.includes(text));
    case "msw.operationId":
      return runtime.operations.some((operation) => operation.key === text && operation.operationId === text);
    case "msw.body":
      return strings(runtime.bodies).has(text);
    case "reactQuery.queryKey": {
      // `["instantly", resource, "list" | "item", …literal segments]` (ADR 0022): the path's segments after
      // `/api/vN/`, empty ones dropped, with the scope marker in third place.
      const segments = text
        .replace(/\/+/g, "/")
        .replace(/\/$/, "")
        .replace(/^\/api\/v\d+\//, "");
      return runtime.queryKeys.some((key) => {
        const strings = key.filter((segment): segment is string => typeof segment === "string");
        return (
          strings[0] === "instantly" &&
          (strings[2] === "list" || strings[2] === "item") &&
          [strings[1], ...strings.slice(3)].join("/") === segments
        );
      });
    }
    case "reactQuery.file":
      // orval names the file after the tag in kebab-case: `<tag>.js`, or `<tag>.gen.js` since the rewrite.
      return built.reactQuery.files.some(
        (file) =>
          file.endsWith(".js") &&
          file.replace(/(\.gen)?\.js$/, "").replaceAll("-", "") === text.toLowerCase(),
      );
  }
}

describe.each(SEEDS)("hostile spec, seed %i: generate + build + import", (seed) => {
  let built: Built;

  beforeAll(async () => {
    const { document, texts } = hostileSpec(seed);
    const workspace = createWorkspace(`ik-hostile-${seed}-`);
    const file = workspace.writeFile("hostile.json", JSON.stringify(document, null, 2));
    const pulled = await workspace.cli(["pull", "--source", file]);
    expect(pulled.code, pulled.stderr).toBe(0);
    // What turbo's `generate:packages` task runs: every target, spread over the machine's cores.
    const generated = await workspace.cli(["generate", "all"]);
    expect(generated.code, `generate all: ${generated.stderr.slice(0, 2000)}`).toBe(0);
    // Dependency order: types ← zod ← client, msw ← react-query. `build` is tsc: a type error fails it.
    for (const stage of [["types"], ["zod", "msw"], ["client"], ["react-query"]] as const) {
      const results = await Promise.all(stage.map((name) => workspace.build(name)));
      results.forEach((result, index) => {
        expect(result.code, `build ${stage[index]}: ${(result.stdout + result.stderr).slice(0, 3000)}`).toBe(
          0,
        );
      });
    }
    built = {
      workspace,
      texts,
      runtime: await probeRuntime(workspace),
      types: readDeclarations(`${workspace.packageDir("types")}/dist`),
      msw: readDeclarations(`${workspace.packageDir("msw")}/dist/generated`),
      reactQuery: readDeclarations(`${workspace.packageDir("react-query")}/dist/generated`),
    };
  }, 600_000);

  afterAll(() => {
    built?.workspace.remove();
  });

  it("imports every built package in a fresh process, calls every generated mock/error body and query key, and nothing from the spec runs", () => {
    expect(built.runtime.importErrors).toEqual([]);
    expect(built.runtime.callErrors).toEqual([]);
    // The calls did happen: one mock per operation with a success body.
    const withBody = built.runtime.operations.filter((operation) => operation.body !== "none");
    expect(built.runtime.responseMocks).toHaveLength(withBody.length);
    expect(built.runtime.responseMocks.length).toBeGreaterThan(0);
    const documentedErrors = built.runtime.operations.flatMap((operation) => operation.errors);
    expect(built.runtime.errorBodies).toHaveLength(documentedErrors.length);
    expect(built.runtime.canary).toBeUndefined();
    expect(built.runtime.stderr).toBe("");
  });

  it.each(PLACES.map((place, index) => [place.name, index] as const))("%s: round-trips", (_name, index) => {
    const place = PLACES[index];
    const raw = built.texts[index];
    if (!place || raw === undefined) throw new Error(`no place ${index}`);
    const text = place.expected ? place.expected(raw) : raw;
    if (place.mapped) {
      // A name that has to be an identifier: mapped to a plain, short, non-reserved one.
      expect(text).toMatch(/^[A-Za-z_$][A-Za-z0-9_$]{0,99}$/);
    }
    for (const check of place.checks) {
      expect(
        found(check, text, built),
        `${place.name} → ${check}: ${JSON.stringify(text.slice(0, 200))}`,
      ).toBe(true);
    }
  });
});
