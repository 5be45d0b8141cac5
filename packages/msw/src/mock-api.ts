import { checkApiKeys } from "./auth.js";
import {
  crudResources,
  defaultBodies,
  type MockOperationId,
  operationSpecs,
  type ResourceItems,
  type ResourceName,
  routeOrder,
} from "./generated/index.gen.js";
import {
  createOperationHandler,
  createResolvedHandler,
  errorResponse,
  type HandlerOptions,
  type OperationHandler,
  type OperationResolver,
  successResponse,
} from "./handler.js";
import { IdSource } from "./ids.js";
import { type DeepPartial, deepMerge, isPlainObject } from "./merge.js";
import type { OperationSpec } from "./operation.js";
import { withRealisticValues } from "./realistic.js";
import type { ResourceSpec } from "./resource.js";
import { ResourceStore } from "./store.js";

export interface MockApiOptions extends HandlerOptions {
  /** Seed for the ids of created items; same seed → same ids. Default 1. */
  seed?: number | string;
}

type Item = Record<string, unknown>;

export interface MockApi {
  /** A handler for every operation; CRUD resources answer from the in-memory store. */
  handlers: OperationHandler[];
  /** Empties the store and restarts ids and timestamps (call it between tests). */
  reset(): void;
  /**
   * Adds items (partial items are filled up from the mock item; a number adds that many mock items). Throws,
   * adding none of them, when an id is already in the store or given twice.
   */
  seed<R extends ResourceName>(
    resource: R,
    items: number | DeepPartial<ResourceItems[R]>[],
  ): ResourceItems[R][];
  /** Read access to what the handlers see. */
  store: {
    list<R extends ResourceName>(resource: R): ResourceItems[R][];
    get<R extends ResourceName>(resource: R, id: string): ResourceItems[R] | undefined;
  };
  /** The CRUD resources this mock keeps state for. */
  resources: readonly ResourceName[];
}

const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 100;
const PAGING_KEYS = new Set(["limit", "starting_after"]);

interface UniqueProperty {
  property: string;
  /** The form two values are compared in. */
  normalize: (value: unknown) => string;
}

/**
 * Properties the API keeps unique besides the id (which is always unique; for accounts it is the email the
 * caller gives). The spec has no machine-readable uniqueness, so this follows its prose and its documented 409s:
 * CustomTag.label "must be unique per workspace after trimming whitespace" (createCustomTag/patchCustomTag →
 * 409 "A tag with this name already exists."); createWorkspaceGroupMember → 409 "The sub workspace already has
 * an active parent or invitation". Resources missing from an older spec are simply not in `crudResources`.
 */
const UNIQUE_PROPERTIES: Readonly<Record<string, readonly UniqueProperty[]>> = {
  "custom-tags": [{ property: "label", normalize: (value) => String(value).trim() }],
  "workspace-group-members": [{ property: "sub_workspace_id", normalize: String }],
};

function specOf(operationId: string): OperationSpec {
  return operationSpecs[operationId as MockOperationId];
}

/** Query or body parameters of a list call as plain values. */
function listParams(resource: ResourceSpec, request: Request, body: unknown): Record<string, unknown> {
  if (resource.listIn === "body") return isPlainObject(body) ? body : {};
  return Object.fromEntries(new URL(request.url).searchParams);
}

/**
 * The in-memory API: `createMockApi()` → handlers whose create → list → get → patch → delete agree with each
 * other, list endpoints paginating with real cursors over what was created or seeded.
 */
export function createMockApi(options: MockApiOptions = {}): MockApi {
  checkApiKeys(options.apiKeys);
  const ids = new IdSource(options.seed ?? 1);
  const resources = crudResources as Record<string, ResourceSpec>;
  const stores = new Map<string, ResourceStore<Item>>(
    Object.values(resources).map((resource) => [resource.name, new ResourceStore<Item>(resource.idProperty)]),
  );
  const storeOf = (resource: ResourceSpec) => stores.get(resource.name) as ResourceStore<Item>;
  /** Items made per resource so far (seeded or created): the index realistic values are drawn for. */
  const itemCounts = new Map<string, number>();

  /** A full item: the mock item, the caller's known properties over it, a fresh id and timestamps. */
  function newItem(resource: ResourceSpec, input: unknown): Item {
    // The n-th item of a resource gets its own name, email, dates… (realistic.ts), the caller's values over them.
    const index = itemCounts.get(resource.name) ?? 0;
    itemCounts.set(resource.name, index + 1);
    const template = withRealisticValues(
      defaultBodies[resource.itemOperation as MockOperationId]() as unknown as Item,
      resource.realistic,
      index,
    );
    // References point at stored items where there are some (a seeded lead's campaign is a seeded campaign).
    for (const [property, target] of Object.entries(resource.references ?? {})) {
      const candidates = stores.get(target)?.all() ?? [];
      if (candidates.length > 0)
        template[property] = stores.get(target)?.idOf(candidates[index % candidates.length] as Item);
    }
    const known = pickKnown(resource, input);
    const item = deepMerge(template, known);
    const givenId = resource.idProperty !== "id" ? known[resource.idProperty] : undefined;
    // An id that is a realistic value (an account's email) stays one; other ids are seeded UUIDs.
    const realisticId = resource.realistic?.[resource.idProperty] ? template[resource.idProperty] : undefined;
    item[resource.idProperty] =
      typeof givenId === "string" ? givenId : typeof realisticId === "string" ? realisticId : ids.uuid();
    const now = ids.now();
    if ("timestamp_created" in template) item.timestamp_created = now;
    if ("timestamp_updated" in template) item.timestamp_updated = now;
    return item;
  }

  function pickKnown(resource: ResourceSpec, input: unknown): Item {
    if (!isPlainObject(input)) return {};
    const known = new Set(resource.itemProperties);
    return Object.fromEntries(Object.entries(input).filter(([key]) => known.has(key) && key !== "id"));
  }

  function notFound(operation: OperationSpec, resource: ResourceSpec, id: string): Response {
    return errorResponse(operation, 404, `No ${resource.name} item with ${resource.idParam} '${id}'`);
  }

  /**
   * The id or unique property `item` would share with another stored item (`self` is the item being updated),
   * as a message; undefined when there is none. Creating or updating into a duplicate must not replace or
   * shadow the first item.
   */
  function duplicateOf(resource: ResourceSpec, item: Item, self?: string): string | undefined {
    const store = storeOf(resource);
    const id = store.idOf(item);
    if (self === undefined && store.has(id)) {
      return `An item of ${resource.name} with ${resource.idProperty} '${id}' already exists`;
    }
    for (const { property, normalize } of UNIQUE_PROPERTIES[resource.name] ?? []) {
      if (item[property] === undefined || item[property] === null) continue;
      const value = normalize(item[property]);
      const clash = store
        .all()
        .find((other) => store.idOf(other) !== self && normalize(other[property]) === value);
      if (clash) return `An item of ${resource.name} with ${property} '${value}' already exists`;
    }
    return undefined;
  }

  /** 409 Conflict: the operation's documented body when it has one (the API's own wording), else ours. */
  function conflict(operation: OperationSpec, message: string): Response {
    return errorResponse(operation, 409, operation.errors[409] ? undefined : message);
  }

  function resolverFor(operationId: string): OperationResolver | undefined {
    for (const resource of Object.values(resources)) {
      const store = storeOf(resource);
      const operation = specOf(operationId);
      if (resource.create === operationId) {
        return ({ body }) => {
          const item = newItem(resource, body);
          const duplicate = duplicateOf(resource, item);
          return duplicate ? conflict(operation, duplicate) : successResponse(operation, store.put(item));
        };
      }
      if (resource.list === operationId) {
        return ({ request, body }) => {
          const params = listParams(resource, request, body);
          const limit = params.limit === undefined ? DEFAULT_LIMIT : Number(params.limit);
          if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
            return errorResponse(operation, 400, `limit must be an integer from 1 to ${MAX_LIMIT}`);
          }
          const startingAfter = typeof params.starting_after === "string" ? params.starting_after : undefined;
          const filters = Object.entries(params).filter(
            ([key, value]) =>
              !PAGING_KEYS.has(key) &&
              resource.itemProperties.includes(key) &&
              ["string", "number", "boolean"].includes(typeof value),
          );
          const page = store.page({
            limit,
            ...(startingAfter === undefined ? {} : { startingAfter }),
            filter: (item) => filters.every(([key, value]) => String(item[key]) === String(value)),
          });
          return successResponse(operation, page);
        };
      }
      if (resource.get === operationId) {
        return ({ params }) => {
          const id = params[resource.idParam] ?? "";
          const item = store.get(id);
          return item ? successResponse(operation, item) : notFound(operation, resource, id);
        };
      }
      if (resource.update === operationId) {
        return ({ params, body }) => {
          const id = params[resource.idParam] ?? "";
          const item = store.get(id);
          if (!item) return notFound(operation, resource, id);
          const updated = deepMerge(item, pickKnown(resource, body));
          updated[resource.idProperty] = item[resource.idProperty];
          const duplicate = duplicateOf(resource, updated, id);
          if (duplicate) return conflict(operation, duplicate);
          if ("timestamp_updated" in updated) updated.timestamp_updated = ids.now();
          return successResponse(operation, store.put(updated));
        };
      }
      if (resource.remove === operationId) {
        return ({ params }) => {
          const id = params[resource.idParam] ?? "";
          const item = store.delete(id);
          return item ? successResponse(operation, item) : notFound(operation, resource, id);
        };
      }
    }
    return undefined;
  }

  const handlers = routeOrder.map((operationId) => {
    const resolve = resolverFor(operationId);
    return resolve
      ? createResolvedHandler(specOf(operationId), resolve, options)
      : createOperationHandler<unknown>(
          specOf(operationId),
          defaultBodies[operationId] as () => unknown,
          undefined,
          options,
        );
  });

  return {
    handlers,
    reset() {
      for (const store of stores.values()) store.clear();
      itemCounts.clear();
      ids.reset();
    },
    seed(name, items) {
      const resource = resources[name] as ResourceSpec;
      const store = storeOf(resource);
      const inputs: unknown[] = typeof items === "number" ? Array.from({ length: items }, () => ({})) : items;
      const created = inputs.map((input) => {
        // Seeded items may set the id themselves (to refer to them in a test).
        const item = newItem(resource, input);
        if (isPlainObject(input) && typeof input[resource.idProperty] === "string") {
          item[resource.idProperty] = input[resource.idProperty];
        }
        return item;
      });
      // Only ids are checked: filler items share the mock's example values (every seeded custom tag is
      // labelled like the spec's example), and a fixture is the test author's to shape. All or nothing.
      const seen = new Set<string>();
      for (const item of created) {
        const id = store.idOf(item);
        if (store.has(id) || seen.has(id)) {
          throw new Error(`seed("${name}"): an item with ${resource.idProperty} '${id}' already exists`);
        }
        seen.add(id);
      }
      return created.map((item) => store.put(item)) as ResourceItems[typeof name][];
    },
    store: {
      list: (name) => storeOf(resources[name] as ResourceSpec).all() as ResourceItems[typeof name][],
      get: (name, id) =>
        storeOf(resources[name] as ResourceSpec).get(id) as ResourceItems[typeof name] | undefined,
    },
    resources: Object.keys(resources) as ResourceName[],
  };
}
