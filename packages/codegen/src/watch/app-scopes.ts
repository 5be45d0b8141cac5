// The least-privilege API-key scopes of an app before and after a spec change (issue 13's "apps whose
// least-privilege scope set changes"), from the same analysis as `pnpm scopes`: the operations the app uses,
// found in its syntax trees, and the narrowest scope of each group (scopes/least-privilege.ts).
import type { Operation, SpecModel } from "../model/index.ts";
import { leastPrivilege } from "../scopes/least-privilege.ts";
import { scanCalls } from "../scopes/unresolved.ts";
import { findUsages, operationRefs } from "./usages.ts";

export interface AppScopeChange {
  app: string;
  before: string[];
  after: string[];
}

/** The operation ids an app uses, as the app is written today (against the old packages). */
export function usedOperationIds(appDir: string, model: SpecModel): Set<string> {
  const refs = operationRefs(model);
  const ids = new Set(findUsages(appDir, refs).map((usage) => usage.operationId));
  for (const call of scanCalls(appDir, refs).requests) ids.add(call.operation.id);
  return ids;
}

/**
 * The app's least-privilege scopes under the old and the new spec, or undefined when they are the same. An
 * operation the new spec no longer has needs no scope there (the type-check reports its removal).
 */
export function appScopeChange(
  app: string,
  used: ReadonlySet<string>,
  oldModel: SpecModel,
  newModel: SpecModel,
): AppScopeChange | undefined {
  const pick = (model: SpecModel) =>
    [...used].map((id) => model.operation(id)).filter((op): op is Operation => op !== undefined);
  const before = leastPrivilege(pick(oldModel)).scopes;
  const after = leastPrivilege(pick(newModel)).scopes;
  return JSON.stringify(before) === JSON.stringify(after) ? undefined : { app, before, after };
}
