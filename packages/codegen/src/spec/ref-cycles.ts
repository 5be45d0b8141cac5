// A `$ref` cycle with no object or array in between ("pure"): A → B → A, a schema that is only a `$ref`
// to itself, or the same through allOf/anyOf/oneOf. Such a schema describes no value shape — its type is
// only itself — so every target recurses forever on it (openapi-typescript's resolver, orval, the mock
// generator). It is refused at pull time, with the cycle named, instead of crashing `generate` later.
//
// Recursion *through* a property, additionalProperties or array items is fine and common (a tree node
// whose `children` are nodes): there is a finite value (an object without the property, an empty array)
// and every target handles it. So only $ref and the composition keywords are followed here.
import { quoteForMessage } from "../errors.ts";
import { compareCodePoints } from "../model/index.ts";
import { isObject, type Json, unescapePointer } from "./normalize/walk.ts";

const SCHEMA_REF = "#/components/schemas/";
/** Keywords that do not wrap a value: the schema *is* each of these sub-schemas (or their union). */
const TRANSPARENT = ["allOf", "anyOf", "oneOf"] as const;

/**
 * Every pure cycle among the component schemas, each as the list of schema names it passes through,
 * first name repeated at the end (`["A", "B", "A"]`). Deterministic: one cycle per strongly connected
 * group, starting at its alphabetically first schema.
 */
export function findPureRefCycles(document: Record<string, unknown>): string[][] {
  const components = (document as { components?: { schemas?: unknown } }).components;
  const schemas = isObject(components?.schemas as Json) ? (components?.schemas as Record<string, Json>) : {};
  const names = Object.keys(schemas).sort(compareCodePoints);
  const edges = new Map<string, string[]>();
  for (const name of names) {
    const targets = new Set<string>();
    collectTransparentRefs(schemas[name] as Json, targets);
    edges.set(
      name,
      [...targets].filter((target) => target in schemas),
    );
  }
  return stronglyConnected(names, edges)
    .filter((group) => group.length > 1 || (edges.get(group[0] as string) ?? []).includes(group[0] as string))
    .map((group) => cycleThrough(group, edges))
    .sort((a, b) => compareCodePoints(a[0] as string, b[0] as string));
}

/**
 * The message for `spec:pull` (and `spec:diff`): one line naming the first cycle. Schema names are spec
 * text (any string is a valid component key), so each is quoted: a newline or an escape sequence in a
 * name cannot break the message over lines or drive the terminal.
 */
export function describeRefCycles(cycles: string[][]): string | undefined {
  const [first] = cycles;
  if (!first) return undefined;
  const more = cycles.length > 1 ? ` (and ${cycles.length - 1} more)` : "";
  return `has a $ref cycle with no property or array items in between: ${first.map((name) => quoteForMessage(name)).join(" → ")}${more} (such a schema is only itself: nothing can be generated for it)`;
}

function collectTransparentRefs(node: Json, out: Set<string>): void {
  if (!isObject(node)) return;
  const ref = node.$ref;
  if (typeof ref === "string" && ref.startsWith(SCHEMA_REF)) {
    const name = ref.slice(SCHEMA_REF.length);
    // A ref into a schema (`…/A/properties/x`) goes through a boundary: not followed.
    if (!name.includes("/")) out.add(unescapePointer(name));
  }
  for (const key of TRANSPARENT) {
    const list = node[key];
    if (Array.isArray(list)) for (const member of list) collectTransparentRefs(member, out);
  }
}

/** Tarjan's strongly connected components, iterative order irrelevant: groups come back sorted. */
function stronglyConnected(names: string[], edges: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const groups: string[][] = [];
  let next = 0;
  const visit = (name: string): void => {
    index.set(name, next);
    low.set(name, next);
    next++;
    stack.push(name);
    onStack.add(name);
    for (const target of edges.get(name) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(name, Math.min(low.get(name) as number, low.get(target) as number));
      } else if (onStack.has(target)) {
        low.set(name, Math.min(low.get(name) as number, index.get(target) as number));
      }
    }
    if (low.get(name) === index.get(name)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        group.push(member);
      } while (member !== name);
      groups.push(group.sort(compareCodePoints));
    }
  };
  for (const name of names) if (!index.has(name)) visit(name);
  return groups;
}

/** The shortest cycle from the group's first name back to itself (breadth-first inside the group). */
function cycleThrough(group: string[], edges: Map<string, string[]>): string[] {
  const start = group[0] as string;
  const members = new Set(group);
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const current = queue.shift() as string;
    for (const target of [...(edges.get(current) ?? [])].sort(compareCodePoints)) {
      if (!members.has(target)) continue;
      if (target === start) {
        const path = [current];
        while (path[0] !== start) path.unshift(cameFrom.get(path[0] as string) as string);
        return [...path, start];
      }
      if (!cameFrom.has(target)) {
        cameFrom.set(target, current);
        queue.push(target);
      }
    }
  }
  return [start, start];
}
