import { existsSync, statSync } from "node:fs";
import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { CliError } from "../errors.ts";
import { buildModel, type Operation } from "../model/index.ts";
import { projectPaths } from "../paths.ts";
import { leastPrivilege } from "../scopes/least-privilege.ts";
import { scanCalls, type Unresolved } from "../scopes/unresolved.ts";
import { readLockedSpec } from "../spec/lock.ts";
import { findUsages, operationRefs } from "../watch/usages.ts";

const USAGE = "usage: scopes <dir…> [--json]";

/**
 * `pnpm scopes <dir…> [--json]`: every operation the apps in `dir…` use (found with the TypeScript compiler:
 * hooks, options helpers, request functions, client calls by method and path, `paginate`, mock helpers), and
 * the least-privilege API-key scopes that allow all of them. A call the compiler cannot resolve (a path in a
 * variable) is a warning, never a guess. With --json stdout is one object: `{ scopes, operations, unresolved }`.
 */
export async function scopesCommand(args: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split(". ")[0];
    throw new CliError(`${reason}; ${USAGE}`, 2);
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0) throw new CliError(USAGE, 2);
  // `pnpm scopes` runs from the repository root: directories are relative to it.
  const cwd = process.cwd();
  const dirs = positionals.map((dir) => resolve(cwd, dir));
  for (const [index, dir] of dirs.entries()) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      throw new CliError(`scopes: ${JSON.stringify(positionals[index])} is not a directory`, 2);
    }
  }
  const model = buildModel((await readLockedSpec(projectPaths())).document);
  const refs = operationRefs(model);
  const byId = new Map(model.operations.map((op) => [op.id, op]));
  const uses = new Map<string, string[]>();
  const unresolved: Unresolved[] = [];
  for (const dir of dirs) {
    const prefix = relative(cwd, dir).split("\\").join("/");
    const where = (file: string, line: number) => `${prefix ? `${prefix}/` : ""}${file}:${line}`;
    const use = (id: string, at: string) => uses.set(id, [...(uses.get(id) ?? []), at]);
    for (const usage of findUsages(dir, refs)) use(usage.operationId, where(usage.file, usage.line));
    const calls = scanCalls(dir, refs);
    for (const call of calls.requests) use(call.operation.id, where(call.file, call.line));
    unresolved.push(...calls.unresolved.map((item) => ({ ...item, file: where(item.file, item.line) })));
  }
  const used = [...uses.keys()].sort().map((id) => byId.get(id) as Operation);
  const plan = leastPrivilege(used);
  if (values.json) {
    const operations = used.map((op) => ({
      operationId: op.id,
      method: op.method.toUpperCase(),
      path: op.path,
      requiredScopes: op.requiredScopes,
      grantedBy: plan.operations.find((entry) => entry.operationId === op.id)?.grantedBy ?? [],
      usages: [...new Set(uses.get(op.id))],
    }));
    const json = {
      scopes: plan.scopes,
      operations,
      unresolved: unresolved.map(({ file, text, reason }) => ({ at: file, text, reason })),
    };
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    return 0;
  }
  const lines = [`${used.length} operation(s) used; least-privilege scopes (${plan.scopes.length}):`];
  const width = Math.max(0, ...plan.scopes.map((scope) => scope.length));
  for (const scope of plan.scopes) {
    const ops = plan.operations
      .filter((entry) => entry.grantedBy.includes(scope))
      .map((entry) => entry.operationId);
    lines.push(`  ${scope.padEnd(width)}  ${ops.join(", ")}`);
  }
  if (plan.undocumented.length > 0) {
    lines.push(`  (no documented scope: ${plan.undocumented.join(", ")})`);
  }
  process.stdout.write(`${lines.join("\n")}\n`);
  for (const item of unresolved) {
    process.stderr.write(
      `warning: ${item.file}: ${item.text} — ${item.reason}; its operation is not counted\n`,
    );
  }
  return 0;
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: { json: { type: "boolean", default: false } },
  });
}
