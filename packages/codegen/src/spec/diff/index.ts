import { diffComponents } from "./components.ts";
import { changedDocumentFields } from "./docs.ts";
import { IndexedDocument } from "./document.ts";
import { severityOf } from "./kinds.ts";
import { diffOperations } from "./operations.ts";
import { SchemaComparer } from "./schemas.ts";
import { compareSeverity, highestBump, type SpecChange, type SpecDiff } from "./types.ts";

export { type ChangeKind, SEVERITY, severityOf } from "./kinds.ts";
export type { Bump, Severity, SpecChange, SpecDiff } from "./types.ts";

/**
 * What changed between two normalized spec documents, and the semver bump it requires for the generated
 * packages (the highest severity found; `none` when nothing changed). The rules are in the README (What an API change means).
 */
export function diffSpecs(oldDocument: unknown, newDocument: unknown): SpecDiff {
  const oldDoc = new IndexedDocument(oldDocument);
  const newDoc = new IndexedDocument(newDocument);
  const comparer = new SchemaComparer(oldDoc, newDoc);
  const changes: SpecChange[] = [];
  diffOperations(comparer, changes);
  const operationIds = new Map([...newDoc.operations.values()].map((op) => [op.key, op.operationId]));
  diffComponents(comparer, operationIds, changes);
  const documentFields = changedDocumentFields(oldDoc.root, newDoc.root);
  if (documentFields.length > 0) {
    changes.push({
      severity: severityOf("document-docs-changed"),
      kind: "document-docs-changed",
      message: `document ${documentFields.join(", ")} changed`,
    });
  }
  changes.sort(byReadingOrder);
  return { bump: highestBump(changes), changes };
}

/** Breaking first; then operation changes by path and method, then schema changes by name. Deterministic. */
function byReadingOrder(a: SpecChange, b: SpecChange): number {
  return (
    compareSeverity(a.severity, b.severity) ||
    compareText(a.path ?? "\uffff", b.path ?? "\uffff") ||
    compareText(a.method ?? "", b.method ?? "") ||
    compareText(a.schema ?? "", b.schema ?? "") ||
    compareText(a.kind, b.kind) ||
    compareText(a.message, b.message)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
