import type { IndexedOperation } from "./document.ts";
import { type ChangeKind, severityOf } from "./kinds.ts";
import { code } from "./markdown.ts";
import type { Finding, SchemaComparer, Scope } from "./schemas.ts";
import type { Direction, SpecChange } from "./types.ts";

/** Everything an operation-level rule needs: both documents' views of the operation and a way to report. */
export class OperationContext {
  readonly comparer: SchemaComparer;
  readonly oldOp: IndexedOperation;
  readonly newOp: IndexedOperation;
  private readonly out: SpecChange[];

  constructor(comparer: SchemaComparer, oldOp: IndexedOperation, newOp: IndexedOperation, out: SpecChange[]) {
    this.comparer = comparer;
    this.oldOp = oldOp;
    this.newOp = newOp;
    this.out = out;
  }

  report(kind: ChangeKind, message: string): void {
    this.push({ severity: severityOf(kind), kind, message });
  }

  private push(change: Pick<SpecChange, "severity" | "kind" | "message">): void {
    this.out.push({
      ...change,
      operationId: this.newOp.operationId,
      method: this.newOp.method,
      path: this.newOp.path,
    });
  }

  /** Compare two schemas of this operation; `what` says where they sit ("request body", "response 200"). */
  compareSchema(oldSchema: unknown, newSchema: unknown, direction: Direction, what: string): void {
    const scope: Scope = {
      direction,
      owner: { kind: "operation", key: this.newOp.key },
      emit: (finding: Finding) =>
        this.push({
          severity: finding.severity,
          kind: finding.kind,
          message: `${at(what, finding.location)}: ${finding.detail}`,
        }),
    };
    this.comparer.compare(oldSchema, newSchema, scope);
  }
}

/** "request body `a.b`", "response 200 `[].id`", "query parameter `ids` `[]`" (names as Markdown-safe code spans). */
function at(what: string, location: string): string {
  return location ? `${what} ${code(location)}` : what;
}
