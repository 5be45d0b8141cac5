/**
 * Post-processing of one orval tag file, on its syntax tree (TypeScript compiler API — never on its text). orval 8
 * gives the hook structure (useX, useXSuspense, getXQueryOptions, getXMutationOptions, overloads for
 * initialData…), configured as far as its options go (orval-options.ts); the transforms here do the rest, each
 * asserted to apply exactly once per operation (syntax.ts `Tally`):
 * - request functions go through our mutator with the spec's path template (request-function.ts);
 * - orval's request functions are renamed to the operationIds, its body/query model names become the named
 *   parameter types of model.gen.ts (param-types.ts) — hooks and keys already carry the model's names
 *   (orval-options.ts `operationName`);
 * - hierarchical query keys, the client from <InstantlyProvider>, invalidation, queries disabled for an empty
 *   path parameter (hooks.ts);
 * - body-cursor infinite hooks (body-cursor.ts) and `useSuspenseX` aliases;
 * - JSDoc from the model (../operation-docs.ts); imports from our packages.
 */

import { exportDoc } from "../operation-docs.ts";
import { type ExportKind, operationExports } from "../operation-exports.ts";
import { bodyCursorInfiniteHooks } from "./body-cursor.ts";
import {
  infiniteQueryKey,
  injectClient,
  mutationHook,
  mutationOptions,
  queryKey,
  requirePathParams,
} from "./hooks.ts";
import type { HookOperation } from "./operations.ts";
import { ERROR_SCHEMA } from "./orval-options.ts";
import type { ParamTypeNames } from "./param-types.ts";
import {
  mapRequestTypes,
  type RequestShape,
  readRequestShape,
  replaceTypes,
  requestBody,
  type TypeMapping,
} from "./request-function.ts";
import type { TS } from "./syntax.ts";
import {
  exportedArrow,
  f,
  fail,
  id,
  identifiersIn,
  opType,
  parse,
  replaceArrow,
  str,
  Tally,
  ts,
  typeRef,
  withBody,
  withDoc,
} from "./syntax.ts";

export interface TagFileContext {
  /** Operations of the whole document by the name orval gives their request functions (`orvalName`). */
  operations: ReadonlyMap<string, HookOperation>;
  /** Component schema names exported by @instantly-kit/types. */
  schemaNames: ReadonlySet<string>;
  /** The named parameter types of every operation by operationId (param-types.ts). */
  paramTypes: ReadonlyMap<string, ParamTypeNames>;
  /** Collects the parameter type names the hook files use: model.gen.ts declares those. */
  usedParamTypes: Set<string>;
}

/** The sentence a doc comment starts with: what the export is. */
function lead(operation: HookOperation, kind: "request" | "hook" | "options", name: string): string {
  if (kind === "options") {
    const what = operation.isQuery ? "query options" : "mutation options";
    const hook = operationExports(operation.model, operation.isQuery).hookOf[name] ?? name;
    return `The ${what} behind \`${hook}\` for \`${operation.id}\`, for a QueryClient outside React (prefetch, loaders, tests); pass the client as \`{ request: { client } }\`.`;
  }
  if (kind === "request")
    return `Sends \`${operation.id}\` through the client in \`options.client\` (the hooks take it from <InstantlyProvider>).`;
  if (!operation.isQuery && operation.backgroundJob)
    return `Mutation hook for \`${operation.id}\`, which the API completes in a background job: resolves with the job at once (follow it with \`useBackgroundJob(data.id)\`) and invalidates its resource's queries when the job ends.`;
  if (!operation.isQuery)
    return `Mutation hook for \`${operation.id}\`; invalidates its resource's queries on success.`;
  const infinite = name.endsWith("Infinite") ? "infinite " : "";
  const suspense = /Suspense/.test(name) ? "suspense " : "";
  const pages = operation.pagination && !infinite ? ` Pages: \`use${operation.name}Infinite\`.` : "";
  const what = `${suspense}${infinite}query hook`;
  return `${what.charAt(0).toUpperCase()}${what.slice(1)} for \`${operation.id}\`.${pages}`;
}

/** What a top-level declaration of orval's is, found by its exact name. */
type Role =
  | { kind: "queryKey" | "infiniteQueryKey" | "mutationOptions" | "mutationHook"; shape: RequestShape }
  | { kind: "queryHook"; shape: RequestShape; optionsHelper: string };

function rolesOf(shapes: readonly RequestShape[]): Map<string, Role> {
  const roles = new Map<string, Role>();
  for (const shape of shapes) {
    const name = shape.operation.name;
    if (shape.operation.isQuery) {
      roles.set(`get${name}QueryKey`, { kind: "queryKey", shape });
      const variants = ["", "Suspense"];
      if (shape.operation.pagination === "query") {
        roles.set(`get${name}InfiniteQueryKey`, { kind: "infiniteQueryKey", shape });
        variants.push("Infinite", "SuspenseInfinite");
      }
      for (const variant of variants) {
        roles.set(`use${name}${variant}`, {
          kind: "queryHook",
          shape,
          optionsHelper: `get${name}${variant}QueryOptions`,
        });
      }
    } else {
      roles.set(`get${name}MutationOptions`, { kind: "mutationOptions", shape });
      roles.set(`use${name}`, { kind: "mutationHook", shape });
    }
  }
  return roles;
}

function expectations(tally: Tally, shapes: readonly RequestShape[]): void {
  for (const { operation } of shapes) {
    const name = operation.name;
    tally.expect(operation.id, "request function");
    if (operation.isQuery) {
      tally.expect(operation.id, "query key");
      const variants = ["", "Suspense"];
      if (operation.pagination === "query") {
        tally.expect(operation.id, "infinite query key");
        variants.push("Infinite", "SuspenseInfinite");
      }
      for (const variant of variants)
        tally.expect(operation.id, `client from provider: use${name}${variant}`);
      // orval's `enabled` (non-suspense options helpers of operations with path parameters only).
      if (operation.pathParamNames.length > 0) {
        for (const variant of variants.filter((variant) => !variant.startsWith("Suspense")))
          tally.expect(operation.id, `enabled: get${name}${variant}QueryOptions`);
      }
    } else {
      for (const what of [
        "mutation options: withInvalidation",
        "mutation options: invalidate option",
        "mutation hook: invalidate option",
        "mutation hook: client from provider",
      ]) {
        tally.expect(operation.id, what);
      }
    }
  }
}

/** Which example a doc shows: the request function's, a hook's (plain, infinite, mutation) or an options helper's. */
function exampleKind(
  operation: HookOperation,
  kind: "request" | "hook" | "options",
  name: string,
): ExportKind {
  if (kind === "request") return "requestFunction";
  if (kind === "options") return operation.isQuery ? "queryOptions" : "mutationOptions";
  if (!operation.isQuery) return "mutationHook";
  return name.endsWith("Infinite") ? "infiniteHook" : "queryHook";
}

/**
 * orval types every failure as {@link ERROR_SCHEMA} (orval-options.ts): in the declarations of one operation that
 * becomes the kit's error union with the operation's documented error bodies, `InstantlyError<ErrorBody<"op">>`
 * (`error.kind` narrows it; `error.body` of an `"api"` error is typed per operation).
 */
function typedErrors(
  statement: TS.Statement,
  operationId: string,
  context: TS.TransformationContext,
): TS.Statement {
  const visit = (child: TS.Node): TS.Node => {
    if (
      ts.isTypeReferenceNode(child) &&
      ts.isIdentifier(child.typeName) &&
      child.typeName.text === ERROR_SCHEMA &&
      !child.typeArguments
    ) {
      return typeRef("InstantlyError", opType("ErrorBody", operationId));
    }
    return ts.visitEachChild(child, visit, context);
  };
  return ts.visitNode(statement, visit) as TS.Statement;
}

const statementName = (statement: TS.Statement) =>
  exportedArrow(statement)?.name ??
  (ts.isFunctionDeclaration(statement) && statement.name ? statement.name.text : undefined);

function namedImports(
  statement: TS.Statement,
): { module: string; typeOnly: boolean; names: TS.ImportSpecifier[] } | undefined {
  if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) return undefined;
  const bindings = statement.importClause?.namedBindings;
  return {
    module: statement.moduleSpecifier.text,
    typeOnly: statement.importClause?.isTypeOnly ?? false,
    names: bindings && ts.isNamedImports(bindings) ? [...bindings.elements] : [],
  };
}

function importDeclaration(
  module: string,
  names: readonly string[],
  typeOnly: boolean,
): TS.ImportDeclaration {
  return f.createImportDeclaration(
    undefined,
    f.createImportClause(
      typeOnly,
      undefined,
      f.createNamedImports(names.map((name) => f.createImportSpecifier(false, undefined, id(name)))),
    ),
    str(module),
  );
}

const TANSTACK_VALUES = ["useInfiniteQuery", "useSuspenseInfiniteQuery"];
const TANSTACK_TYPES = [
  "DataTag",
  "InfiniteData",
  "QueryClient",
  "QueryFunction",
  "QueryKey",
  "UseInfiniteQueryOptions",
  "UseInfiniteQueryResult",
  "UseSuspenseInfiniteQueryOptions",
  "UseSuspenseInfiniteQueryResult",
];

/** Imports of the processed file: TanStack's as orval wrote them (plus what ours use), then our packages'. */
function imports(
  original: readonly TS.Statement[],
  used: ReadonlySet<string>,
  context: TagFileContext,
  fileName: string,
): TS.ImportDeclaration[] {
  const tanstack: TS.ImportDeclaration[] = [];
  const paramTypes = new Set<string>();
  for (const names of context.paramTypes.values()) {
    for (const name of [names.body, names.params]) if (name && used.has(name)) paramTypes.add(name);
  }
  for (const name of paramTypes) context.usedParamTypes.add(name);
  const fromTypes = new Set(["ErrorBody", "ResponseBody"].filter((name) => used.has(name)));
  for (const statement of original) {
    const declaration = namedImports(statement);
    if (!declaration) continue;
    if (declaration.module === "@tanstack/react-query") {
      const have = new Set(declaration.names.map((specifier) => specifier.name.text));
      const extra = (declaration.typeOnly ? TANSTACK_TYPES : TANSTACK_VALUES).filter(
        (name) => used.has(name) && !have.has(name),
      );
      const specifiers = [
        ...declaration.names.filter((specifier) => used.has(specifier.name.text)),
        ...extra.map((name) => f.createImportSpecifier(false, undefined, id(name))),
      ].sort((a, b) => (a.name.text < b.name.text ? -1 : 1));
      if (specifiers.length > 0) {
        tanstack.push(
          f.createImportDeclaration(
            undefined,
            f.createImportClause(declaration.typeOnly, undefined, f.createNamedImports(specifiers)),
            str("@tanstack/react-query"),
          ),
        );
      }
    } else if (declaration.module === "./model") {
      for (const specifier of declaration.names) {
        const name = specifier.name.text;
        if (!used.has(name) || name === ERROR_SCHEMA || paramTypes.has(name)) continue;
        if (context.schemaNames.has(name)) fromTypes.add(name);
        else
          fail(
            `${fileName}: generated hooks use orval type \`${name}\`, which has no counterpart in @instantly-kit/types`,
          );
      }
    }
  }
  const runtime = [
    "hasPathParams",
    "instantlyRequest",
    "nextStartingAfter",
    "useInstantlyRequestOptions",
    "withInvalidation",
  ].filter((name) => used.has(name));
  const runtimeTypes = ["InvalidateOption", "InvalidationTargetsOf"].filter((name) => used.has(name));
  return [
    ...tanstack,
    ...(fromTypes.size > 0 ? [importDeclaration("@instantly-kit/types", [...fromTypes].sort(), true)] : []),
    ...(used.has("InstantlyError")
      ? [importDeclaration("@instantly-kit/client", ["InstantlyError"], true)]
      : []),
    ...(paramTypes.size > 0 ? [importDeclaration("./model.gen.js", [...paramTypes].sort(), true)] : []),
    ...(runtime.length > 0 ? [importDeclaration("../runtime.js", runtime, false)] : []),
    ...(runtimeTypes.length > 0 ? [importDeclaration("../runtime.js", runtimeTypes, true)] : []),
  ];
}

// orval's statements carry no comments of their own except in the declarations no transform touches (written as
// their source text below), so the printer skips comment handling — a sixth of its time on the hooks — and the
// doc comments this module attaches are written by `print` below.
const printer = ts.createPrinter({ newLine: ts.NewLineKind.LineFeed, removeComments: true });

export function postprocessTagFile(
  fileName: string,
  text: string | TS.SourceFile,
  context: TagFileContext,
): string {
  const source = typeof text === "string" ? parse(fileName, text) : text;
  const tally = new Tally();
  // Request functions: exported arrows named exactly like an operation of the document.
  const shapes: RequestShape[] = [];
  for (const statement of source.statements) {
    const arrow = exportedArrow(statement);
    const operation = arrow && context.operations.get(arrow.name);
    if (arrow && operation) shapes.push(readRequestShape(operation, arrow.arrow));
  }
  expectations(tally, shapes);
  const byOrvalName = new Map(shapes.map((shape) => [shape.operation.orvalName, shape]));
  const roles = rolesOf(shapes);
  // Options helpers by name (operation-exports.ts names them), each expected to get its doc exactly once.
  const optionsHelpers = new Map<string, HookOperation>();
  for (const { operation } of shapes) {
    for (const helper of operationExports(operation.model, operation.isQuery).optionsHelpers) {
      optionsHelpers.set(helper, operation);
      tally.expect(operation.id, `doc: ${helper}`);
    }
  }
  const mapping: TypeMapping = { names: new Map(), arraysOf: new Map(), functions: new Map() };
  for (const shape of shapes)
    mapRequestTypes(shape, context.paramTypes.get(shape.operation.id), context.schemaNames, mapping);

  const transformer: TS.TransformerFactory<TS.SourceFile> = (transformContext) => (file) => {
    const statements: TS.Statement[] = [];
    const documented = new Set<string>();
    const doc = <T extends TS.Node>(
      node: T,
      operation: HookOperation,
      name: string,
      kind: "request" | "hook" | "options",
    ) => {
      // Every overload gets the doc (an editor shows the one of the overload it resolved); counted once.
      if (!documented.has(name)) tally.applied(operation.id, `doc: ${name}`);
      documented.add(name);
      return withDoc(
        node,
        exportDoc(operation.model, exampleKind(operation, kind, name), name, lead(operation, kind, name)),
      );
    };
    // orval writes each operation's declarations as one block that starts with its request function: a
    // statement belongs to the operation whose request function came last (checked by name below).
    let owner: RequestShape | undefined;
    const push = (statement: TS.Statement) => {
      if (!owner) {
        statements.push(statement);
        return;
      }
      statements.push(typedErrors(statement, owner.operation.id, transformContext));
    };
    for (const statement of file.statements) {
      if (ts.isImportDeclaration(statement)) continue;
      const name = statementName(statement);
      const shape = name === undefined ? undefined : byOrvalName.get(name);
      const role = name === undefined ? undefined : roles.get(name);
      const arrow = exportedArrow(statement);
      if (shape) owner = shape;
      else if (owner && name !== undefined && !name.includes(owner.operation.name) && name !== "withQueryKey")
        fail(
          `${name} follows the request function of ${owner.operation.id} but is not one of its declarations`,
        );
      if (shape && arrow && ts.isVariableStatement(statement)) {
        tally.applied(shape.operation.id, "request function");
        tally.expect(shape.operation.id, `doc: ${shape.operation.id}`);
        push(
          doc(
            replaceArrow(statement, withBody(arrow.arrow, requestBody(shape)), shape.operation.id),
            shape.operation,
            shape.operation.id,
            "request",
          ),
        );
        continue;
      }
      const optionsOf = name === undefined ? undefined : optionsHelpers.get(name);
      if (optionsOf && !role) {
        const helper = name as string;
        const of = byOrvalName.get(optionsOf.orvalName) ?? fail(`${helper} belongs to no request function`);
        const enabled = requirePathParams(of, statement, transformContext, () =>
          tally.applied(optionsOf.id, `enabled: ${helper}`),
        ) as TS.Statement;
        push(doc(enabled, optionsOf, helper, "options"));
        continue;
      }
      if (!role || name === undefined) {
        push(statement);
        continue;
      }
      const operationId = role.shape.operation.id;
      const applied = (what: string) => tally.applied(operationId, what);
      if (role.kind === "queryHook" && ts.isFunctionDeclaration(statement)) {
        tally.expect(operationId, `doc: ${name}`);
        const hook = statement.body
          ? (injectClient(statement, role.optionsHelper, transformContext, () =>
              applied(`client from provider: ${name}`),
            ) as TS.Statement)
          : statement;
        // The implementation signature after overloads is invisible to callers: only the overloads get the doc.
        const overloaded = statement.body !== undefined && documented.has(name);
        push(overloaded ? hook : doc(hook, role.shape.operation, name, "hook"));
      } else if (arrow && ts.isVariableStatement(statement)) {
        const camel = role.shape.operation.name;
        if (role.kind === "queryKey" || role.kind === "infiniteQueryKey") {
          applied(role.kind === "queryKey" ? "query key" : "infinite query key");
        }
        const updated =
          role.kind === "queryKey"
            ? queryKey(role.shape, arrow.arrow)
            : role.kind === "infiniteQueryKey"
              ? infiniteQueryKey(camel, arrow.arrow)
              : role.kind === "mutationOptions"
                ? mutationOptions(role.shape, arrow.arrow, applied)
                : mutationHook(role.shape, camel, arrow.arrow, transformContext, applied);
        let next: TS.Statement = replaceArrow(statement, updated);
        if (role.kind === "mutationOptions") next = doc(next, role.shape.operation, name, "options");
        if (role.kind === "mutationHook") {
          tally.expect(operationId, `doc: ${name}`);
          next = doc(next, role.shape.operation, name, "hook");
        }
        push(next);
      } else {
        fail(`${name} (${operationId}) is not the declaration orval used to write`);
      }
    }
    for (const shape of shapes) {
      const name = shape.operation.name;
      if (shape.operation.pagination === "body") {
        for (const statement of bodyCursorInfiniteHooks(shape)) {
          const hookName = ts.isFunctionDeclaration(statement) ? statement.name?.text : undefined;
          const helper = exportedArrow(statement)?.name;
          const typed = typedErrors(statement, shape.operation.id, transformContext);
          if (hookName) {
            tally.expect(shape.operation.id, `doc: ${hookName}`);
            statements.push(doc(typed, shape.operation, hookName, "hook"));
          } else if (helper && optionsHelpers.has(helper)) {
            statements.push(doc(typed, shape.operation, helper, "options"));
          } else statements.push(typed);
        }
      }
      if (shape.operation.isQuery) {
        // TanStack's own naming (`useSuspenseQuery`) reads `useSuspenseGetCampaign`; orval's is
        // `useGetCampaignSuspense`. Both are exported: the alias is the same function (overloads included).
        tally.expect(shape.operation.id, `doc: useSuspense${name}`);
        const alias = f.createVariableStatement(
          [f.createModifier(ts.SyntaxKind.ExportKeyword)],
          f.createVariableDeclarationList(
            [
              f.createVariableDeclaration(
                `useSuspense${name}`,
                undefined,
                undefined,
                id(`use${name}Suspense`),
              ),
            ],
            ts.NodeFlags.Const,
          ),
        );
        statements.push(doc(alias, shape.operation, `useSuspense${name}`, "hook"));
      }
    }
    const body = statements.map((statement) => replaceTypes(statement, mapping, transformContext));
    const used = new Set<string>();
    for (const statement of body) identifiersIn(statement, used);
    // Every mention of a request function by orval's name was renamed (a name left behind would not compile).
    for (const [orvalName, operationId] of mapping.functions) {
      if (used.has(orvalName) && !context.schemaNames.has(orvalName))
        fail(`${fileName}: orval's name ${orvalName} of ${JSON.stringify(operationId)} is left in the hooks`);
    }
    // Every error type belongs to an operation's declarations: none is left untyped.
    if (used.has(ERROR_SCHEMA))
      fail(`${fileName}: \`${ERROR_SCHEMA}\` is used outside an operation's declarations`);
    return f.updateSourceFile(file, [...imports(file.statements, used, context, fileName), ...body]);
  };
  const result = ts.transform(source, [transformer]);
  try {
    tally.check();
    // One statement at a time, a blank line between declarations (the printer keeps none); imports together.
    const file = result.transformed[0] as TS.SourceFile;
    // A declaration no transform touched is orval's node as parsed: written as its source text (what the printer
    // would reproduce, at a fraction of the cost; Biome formats everything after).
    const original = new Set<TS.Node>(source.statements);
    const print = (statement: TS.Statement) => {
      const code = original.has(statement)
        ? statement.getText(source)
        : printer.printNode(ts.EmitHint.Unspecified, statement, file);
      // Each doc comment as the printer would write it (`withDoc` keeps its inner text), on its own line.
      const docs = ts.getSyntheticLeadingComments(statement) ?? [];
      return `${docs.map((comment) => `/*${comment.text}*/\n`).join("")}${code}`;
    };
    const importCount = file.statements.filter(ts.isImportDeclaration).length;
    const head = file.statements.slice(0, importCount).map(print).join("\n");
    return `${[head, ...file.statements.slice(importCount).map(print)].join("\n\n")}\n`;
  } finally {
    result.dispose();
  }
}
