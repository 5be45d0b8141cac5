import type { Operation, SpecModel } from "../model/index.ts";

/**
 * Where the value of one path parameter comes from: the first item of the list answered by the GET operation
 * at the path before `/{param}` (`/api/v2/campaigns/{id}` ← `listCampaign` at `/api/v2/campaigns`), its
 * property of the parameter's name, else its `id`. Nothing is ever invented.
 */
export interface IdSource {
  param: string;
  /** The GET operation at the path up to the parameter. */
  list: Operation;
}

export interface PlannedCheck {
  operation: Operation;
  /** The source of each path parameter, in path order. */
  ids: readonly IdSource[];
  /** Why the operation cannot be called without inventing something; undefined when it can. */
  skip: string | undefined;
  /**
   * Asked for (`--only`, or no `--only`): reported. Otherwise only called for the ids it lists, and reported
   * only when that call failed or drifted.
   */
  reported: boolean;
}

/** The path template up to (not including) `/{param}`. */
function parentPath(path: string, param: string): string | undefined {
  const at = path.indexOf(`/{${param}}`);
  return at > 0 ? path.slice(0, at) : undefined;
}

/**
 * The read-only operations `contract:check` calls, in an order where every list comes before the detail
 * operations whose ids it provides: every GET of the spec (or those of `only`, plus the lists they need),
 * sorted by number of path parameters, then path. An operation that needs a required query parameter,
 * answers no JSON, or has a path parameter no list provides is planned as skipped, with the reason.
 */
export function planContractCheck(model: SpecModel, only: readonly string[] | undefined): PlannedCheck[] {
  const gets = model.operations.filter((op) => op.method === "get");
  const byPath = new Map(gets.map((op) => [op.path, op]));
  const wanted = only ? new Set(only) : undefined;
  const planned = new Map<string, PlannedCheck>();

  const plan = (op: Operation, reported: boolean): PlannedCheck => {
    const existing = planned.get(op.id);
    if (existing) {
      if (reported) existing.reported = true;
      return existing;
    }
    const ids: IdSource[] = [];
    let skip: string | undefined;
    const required = op.parameters.filter((p) => p.required && (p.in === "query" || p.in === "header"));
    if (required.length > 0) {
      skip = `needs the ${required[0]?.in} parameter \`${required.map((p) => p.name).join("`, `")}\``;
    } else if (!op.jsonBody) {
      skip = op.answersText ? "answers text, not JSON" : "documents no JSON response body";
    }
    for (const param of op.pathParamNames) {
      const parent = parentPath(op.path, param);
      const list = parent === undefined ? undefined : byPath.get(parent);
      if (!list) {
        skip ??= `no GET operation at ${parent ?? "the path before"} to take \`{${param}}\` from`;
        continue;
      }
      ids.push({ param, list });
    }
    const check: PlannedCheck = { operation: op, ids, skip, reported };
    planned.set(op.id, check);
    if (!skip) for (const source of ids) plan(source.list, false);
    return check;
  };

  for (const op of gets) if (!wanted || wanted.has(op.id)) plan(op, true);
  return [...planned.values()].sort(
    (a, b) =>
      a.operation.pathParamNames.length - b.operation.pathParamNames.length ||
      (a.operation.path < b.operation.path ? -1 : a.operation.path > b.operation.path ? 1 : 0),
  );
}

/** `--only` names that are not a GET operation of the spec, each with why. */
export function unknownOperations(model: SpecModel, only: readonly string[]): string[] {
  return only.flatMap((id) => {
    const op = model.operation(id);
    if (!op) return [`${id} (no such operation in the spec)`];
    if (op.method !== "get") return [`${id} (${op.method.toUpperCase()}, not a read-only GET)`];
    return [];
  });
}
