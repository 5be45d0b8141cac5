import type { SpecModel } from "../../model/index.ts";
import { f, type TS, ts } from "../react-query/syntax.ts";
import { matchBodyCalls } from "./body-places.ts";
import type { OperationSchemaNames } from "./names.ts";

// An array of a request body that the spec marks `uniqueItems: true` must refuse two equal items, as the API does
// and as the mock does (ADR 0030); orval drops the keyword. zod 4 has no such check, so the zod package holds one
// (packages/zod/src/unique-items.ts): no two items equal as JSON values, deep, key order irrelevant — JSON Schema's
// equality. It must see the items as sent: a check on `zod.array(…)` sees them as zod parsed them, and zod drops an
// open object's unlisted keys, so two items that differ only there would count as duplicates — a body refused that
// the spec allows. So the array is piped: `zod.unknown().check(uniqueItems).pipe(zod.array(X).min(1))`. Its
// `z.infer` is the array's; its `z.input` is `unknown` (nothing reads it: the types package has the types).
// Responses and component schemas stay as orval writes them (ADR 0032).

/** The runtime check's name in the generated file, and where it is, from `src/generated/schemas.gen.ts`. */
export const UNIQUE_ITEMS_NAME = "uniqueItems";
const UNIQUE_ITEMS_MODULE = "../unique-items.js";

/** Methods orval chains on `zod.array(…)` or `zod.tuple(…)` that only they have: they stay inside the pipe. */
const ARRAY_METHODS = new Set(["min", "max", "length", "nonempty", "rest"]);

/** `zod.array(X)` and the array-only methods chained on it (`.min(1).max(5)`): what the pipe takes. */
function arrayChainOf(call: TS.CallExpression): TS.CallExpression {
  let top = call;
  for (;;) {
    const access = top.parent;
    const next = access?.parent;
    if (
      !ts.isPropertyAccessExpression(access) ||
      access.expression !== top ||
      !ARRAY_METHODS.has(access.name.text) ||
      !next ||
      !ts.isCallExpression(next) ||
      next.expression !== access
    )
      return top;
    top = next;
  }
}

/** In orval's body schemas, each array chain whose spec array says `uniqueItems: true`. */
export function uniqueBodyArrays(
  source: TS.SourceFile,
  model: SpecModel,
  names: ReadonlyMap<string, OperationSchemaNames>,
): Set<TS.CallExpression> {
  const { arrays } = matchBodyCalls(source, model, names, { array: (node) => node.uniqueItems === true });
  return new Set([...arrays].map(arrayChainOf));
}

const pure = <T extends TS.Node>(node: T): T =>
  ts.addSyntheticLeadingComment(node, ts.SyntaxKind.MultiLineCommentTrivia, " @__PURE__ ", false);

/** `zod.unknown().check(uniqueItems).pipe(<chain>)`; the caller marks the whole call pure, as every chain. */
export function checkedUnique(chain: TS.Expression): TS.CallExpression {
  const zodCall = (name: string, args: TS.Expression[] = []) =>
    f.createCallExpression(
      f.createPropertyAccessExpression(f.createIdentifier("zod"), name),
      undefined,
      args,
    );
  const method = (target: TS.Expression, name: string, args: TS.Expression[]) =>
    f.createCallExpression(f.createPropertyAccessExpression(target, name), undefined, args);
  const checked = method(zodCall("unknown"), "check", [f.createIdentifier(UNIQUE_ITEMS_NAME)]);
  return method(checked, "pipe", [pure(chain)]);
}

/** `import { uniqueItems } from "../unique-items.js";` */
export function uniqueItemsImport(): TS.ImportDeclaration {
  return f.createImportDeclaration(
    undefined,
    f.createImportClause(
      undefined,
      undefined,
      f.createNamedImports([
        f.createImportSpecifier(false, undefined, f.createIdentifier(UNIQUE_ITEMS_NAME)),
      ]),
    ),
    f.createStringLiteral(UNIQUE_ITEMS_MODULE),
  );
}
