// Calls whose operation cannot be known without running the app: a client method or `paginate` given a path
// held in a variable, `client.request(method, path)` with either not a literal. `pnpm scopes` lists them as
// warnings rather than guessing. Read with the TypeScript compiler's syntax trees, like watch/usages.ts.
import { relative, sep } from "node:path";
import ts from "typescript";
import {
  appSourceFiles,
  CLIENT_METHODS,
  literalText as literal,
  type OperationRef,
  parseAppFile,
} from "../watch/usages.ts";

export interface Unresolved {
  /** Relative to the app's folder, `/` separated. */
  file: string;
  line: number;
  text: string;
  reason: string;
}

/** `client.request("get", "/api/v2/…")` calls with literal method and path, resolved to their operation. */
export interface RequestCall {
  operation: OperationRef;
  file: string;
  line: number;
}

export function scanCalls(
  appDir: string,
  operations: readonly OperationRef[],
): { unresolved: Unresolved[]; requests: RequestCall[] } {
  const byCall = new Map(operations.map((op) => [`${op.method} ${op.path}`, op]));
  const unresolved: Unresolved[] = [];
  const requests: RequestCall[] = [];
  for (const path of appSourceFiles(appDir)) {
    const source = parseAppFile(path);
    if (!source.text.includes("@instantly-kit/")) continue;
    const file = relative(appDir, path).split(sep).join("/");
    const at = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    const shown = (node: ts.Node) => node.getText(source).replace(/\s+/g, " ").slice(0, 80);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        const callee = node.expression;
        const [first, second] = node.arguments;
        if (ts.isPropertyAccessExpression(callee) && CLIENT_METHODS.has(callee.name.text) && first) {
          if (literal(first) === undefined) {
            unresolved.push({
              file,
              line: at(node),
              text: shown(node),
              reason: "the path is not a string literal",
            });
          }
        } else if (
          ts.isPropertyAccessExpression(callee) &&
          callee.name.text === "request" &&
          first &&
          second
        ) {
          const method = literal(first)?.toUpperCase();
          const target = literal(second);
          const op = method && target ? byCall.get(`${method} ${target}`) : undefined;
          if (op) requests.push({ operation: op, file, line: at(node) });
          else if (method === undefined || target === undefined) {
            unresolved.push({
              file,
              line: at(node),
              text: shown(node),
              reason: "the method or the path is not a string literal",
            });
          }
        } else if (
          ts.isIdentifier(callee) &&
          callee.text === "paginate" &&
          second &&
          literal(second) === undefined
        ) {
          unresolved.push({
            file,
            line: at(node),
            text: shown(node),
            reason: "the path is not a string literal",
          });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { unresolved, requests };
}
