import { OperationContext } from "./context.ts";
import { changedDocFields } from "./docs.ts";
import type { IndexedOperation } from "./document.ts";
import { type ChangeKind, severityOf } from "./kinds.ts";
import { code } from "./markdown.ts";
import { diffParameters } from "./parameters.ts";
import { diffRequestBody } from "./request-body.ts";
import { diffResponses } from "./responses.ts";
import type { SchemaComparer } from "./schemas.ts";
import { jsonEqual, type SpecChange } from "./types.ts";

/**
 * Operations are matched by method + path (what a client calls). On the same method + path a different
 * operationId is a rename; an operationId that disappears from one method + path and appears on another is a
 * move. Both break callers (generated function names / the path literal they pass), so both are major.
 */
export function diffOperations(comparer: SchemaComparer, out: SpecChange[]): void {
  const olds = comparer.oldDoc.operations;
  const news = comparer.newDoc.operations;
  const removed = [...olds.values()].filter((op) => !news.has(op.key));
  const added = [...news.values()].filter((op) => !olds.has(op.key));
  const addedById = new Map(added.map((op) => [op.operationId, op]));

  for (const oldOp of olds.values()) {
    const newOp = news.get(oldOp.key);
    if (!newOp) continue;
    if (oldOp.operationId !== newOp.operationId) {
      push(
        out,
        "operation-renamed",
        newOp,
        `operationId ${code(oldOp.operationId)} renamed to ${code(newOp.operationId)}: call ${code(newOp.operationId)} instead`,
      );
    }
    diffOperation(new OperationContext(comparer, oldOp, newOp, out));
  }
  const moved = new Set<IndexedOperation>();
  for (const oldOp of removed) {
    const newOp = addedById.get(oldOp.operationId);
    if (newOp) {
      moved.add(newOp);
      push(out, "operation-moved", newOp, `moved from ${oldOp.key} to ${newOp.key}`);
      diffOperation(new OperationContext(comparer, oldOp, newOp, out));
    } else {
      push(out, "operation-removed", oldOp, `operation removed (${oldOp.key})`);
    }
  }
  for (const newOp of added) {
    if (!moved.has(newOp)) push(out, "operation-added", newOp, `operation added (${newOp.key})`);
  }
}

function diffOperation(ctx: OperationContext): void {
  const oldOperation = ctx.oldOp.operation;
  const newOperation = ctx.newOp.operation;
  const docs = changedDocFields(oldOperation, newOperation, new Set(["operationId"]));
  if (docs.length > 0) ctx.report("operation-docs-changed", `${docs.join(", ")} changed`);
  if (!jsonEqual(oldOperation.security, newOperation.security)) {
    // Auth requirements are not part of the generated types; reviewers still want to see them.
    ctx.report("operation-security-changed", "security requirements changed");
  }
  diffParameters(ctx);
  diffRequestBody(ctx);
  diffResponses(ctx);
}

function push(out: SpecChange[], kind: ChangeKind, op: IndexedOperation, message: string): void {
  out.push({
    severity: severityOf(kind),
    kind,
    operationId: op.operationId,
    method: op.method,
    path: op.path,
    message,
  });
}
