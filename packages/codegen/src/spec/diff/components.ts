import { severityOf } from "./kinds.ts";
import { code } from "./markdown.ts";
import { componentKey, type Finding, type SchemaComparer } from "./schemas.ts";
import type { Direction, SpecChange } from "./types.ts";

/**
 * Shared component schemas: compared once per direction in which an operation reaches them (directly or
 * through other schemas), and reported once per schema with the operations they affect — a schema used by 40
 * operations gives one line, not 40. Findings that are the same in both directions (docs, enums, validation)
 * are merged. A component no operation reaches is still part of @instantly-kit/types, so it is compared as a
 * response (a type consumers read).
 */
export function diffComponents(
  comparer: SchemaComparer,
  operationIds: Map<string, string>,
  out: SpecChange[],
): void {
  const findings = new Map<string, { finding: Finding; name: string; keys: Set<string> }>();
  const compareQueued = () => {
    for (let key = comparer.nextQueued(); key !== undefined; key = comparer.nextQueued()) {
      const [direction, name] = splitKey(key);
      comparer.compare(comparer.oldDoc.schemas.get(name), comparer.newDoc.schemas.get(name), {
        direction,
        owner: { kind: "schema", key },
        emit: (finding) => {
          const id = `${name}|${finding.severity}|${finding.kind}|${finding.location}|${finding.detail}`;
          let entry = findings.get(id);
          if (!entry) {
            entry = { finding, name, keys: new Set() };
            findings.set(id, entry);
          }
          entry.keys.add(key);
        },
      });
    }
  };
  compareQueued();
  for (const name of comparer.oldDoc.schemas.keys()) {
    if (!comparer.newDoc.schemas.has(name)) continue;
    const key = componentKey("response", name);
    if (!comparer.references.has(key) && !comparer.references.has(componentKey("request", name))) {
      comparer.reach(key, { kind: "schema", key });
    }
  }
  compareQueued();

  const operationsOf = reachingOperations(comparer.references, operationIds);
  for (const { finding, name, keys } of findings.values()) {
    const operations = [...new Set([...keys].flatMap((key) => [...(operationsOf.get(key) ?? [])]))].sort();
    const where = finding.location ? `${name} ${code(finding.location)}` : name;
    out.push({
      severity: finding.severity,
      kind: finding.kind,
      schema: name,
      operations,
      message: `schema ${where}: ${finding.detail}${directionNote(comparer, name, keys)}`,
    });
  }
  for (const name of comparer.oldDoc.schemas.keys()) {
    if (!comparer.newDoc.schemas.has(name)) {
      out.push({
        severity: severityOf("schema-removed"),
        kind: "schema-removed",
        schema: name,
        message: `schema ${name} removed`,
      });
    }
  }
  for (const name of comparer.newDoc.schemas.keys()) {
    if (!comparer.oldDoc.schemas.has(name)) {
      out.push({
        severity: severityOf("schema-added"),
        kind: "schema-added",
        schema: name,
        message: `schema ${name} added`,
      });
    }
  }
}

/**
 * " (in requests)" / " (in responses)" when a schema is used both ways but this change only matters one way:
 * "field removed" breaks callers that send it, "property removed" breaks readers.
 */
function directionNote(comparer: SchemaComparer, name: string, keys: Set<string>): string {
  const usedBothWays =
    comparer.references.has(componentKey("request", name)) &&
    comparer.references.has(componentKey("response", name));
  if (!usedBothWays || keys.size !== 1) return "";
  return keys.has(componentKey("request", name)) ? " (in requests)" : " (in responses)";
}

function splitKey(key: string): [Direction, string] {
  const colon = key.indexOf(":");
  return [key.slice(0, colon) as Direction, key.slice(colon + 1)];
}

/** For each component key, the operationIds that reach it through any chain of references (cycles included). */
function reachingOperations(
  references: Map<string, Set<string>>,
  operationIds: Map<string, string>,
): Map<string, Set<string>> {
  const result = new Map<string, Set<string>>();
  for (const key of references.keys()) {
    const operations = new Set<string>();
    const seen = new Set([key]);
    const stack = [key];
    while (stack.length > 0) {
      const current = stack.pop() as string;
      for (const owner of references.get(current) ?? []) {
        if (owner.startsWith("op:")) {
          operations.add(operationIds.get(owner.slice(3)) ?? owner.slice(3));
        } else if (!seen.has(owner)) {
          seen.add(owner);
          stack.push(owner);
        }
      }
    }
    result.set(key, operations);
  }
  return result;
}
