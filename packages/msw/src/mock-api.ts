import { ACTIONS, type Action, type ActionContext, LEAD_SELECTING } from "./actions.js";
import { checkApiKeys } from "./auth.js";
import {
  type FilterContext,
  listPredicate,
  sentFilters,
  unappliedFilters,
  unknownRuleValues,
} from "./filters.js";
import { fitting as fitItem } from "./fitting.js";
import {
  crudResources,
  defaultBodies,
  type MockOperationId,
  operationSpecs,
  type ResourceItems,
  type ResourceName,
  routeOrder,
  type SuccessBodies,
} from "./generated/index.gen.js";
import {
  backgroundJobOperations,
  listFilters,
  ownResponseProperties,
  requiredItemProperties,
} from "./generated/stateful.gen.js";
import { itemSchemas, schemaDefs } from "./generated/validation.gen.js";
import {
  createOperationHandler,
  createResolvedHandler,
  errorResponse,
  type HandlerOptions,
  type MockResolver,
  type OperationHandler,
  type OperationResolver,
  successResponse,
} from "./handler.js";
import { IdSource } from "./ids.js";
import { type IgnoredFilterStrategy, IgnoredFilters, type UnappliedContext } from "./ignored-filters.js";
import { JobQueue, type MockJobOptions } from "./jobs.js";
import { type DeepPartial, deepMerge, isPlainObject } from "./merge.js";
import type { OperationSpec } from "./operation.js";
import { withRealisticValues } from "./realistic.js";
import type { ResourceSpec } from "./resource.js";
import { ResourceStore } from "./store.js";
import { RequestValidator } from "./validate.js";

/** Checks the items a request would store against the resource's item schema (see `fitting`). */
const itemValidator = new RequestValidator(schemaDefs);

export interface MockApiOptions extends HandlerOptions {
  /** Seed for the ids of created items; same seed → same ids. Default 1. */
  seed?: number | string;
  /**
   * When the background jobs of job operations (`moveLeads`, warmup on/off…) complete: at once (default),
   * `{ delayMs }` later (fake-timer friendly), or only on `api.jobs.completeAll()` with `{ manual: true }`.
   */
  jobs?: MockJobOptions;
  /**
   * What a list request that sends a filter the mock does not apply gets (a parameter the generated
   * `listFilters[op].ignored` lists and no hand-written rule answers, such as `tag_ids`; or any filter of a list
   * answered with its fixed example page), and so does an action that picks leads by `listLeads`' filters
   * (`moveLeads`, `bulkAssignLeads`; before it acts): `"warn"` (default) prints one warning per operation and parameter,
   * `"error"` answers 501 naming the parameters, `"off"` answers the unfiltered items silently, a callback gets
   * `{ operationId, parameters, request }` for every such request (msw's `onUnhandledRequest`, for filters).
   */
  onIgnoredFilter?: IgnoredFilterStrategy;
}

type Item = Record<string, unknown>;

/** What `api.store.insert` accepts: any part of an item; required properties left out are filled, optional ones stay absent. */
export type StoreInput<R extends ResourceName> = DeepPartial<ResourceItems[R]>;

/** Typed read/write access to what the handlers see. */
export interface MockStore {
  list<R extends ResourceName>(resource: R, filter?: (item: ResourceItems[R]) => boolean): ResourceItems[R][];
  get<R extends ResourceName>(resource: R, id: string): ResourceItems[R] | undefined;
  /**
   * Adds one item (or several, all or nothing): the given properties, a fresh id unless one is given, the
   * required properties the caller left out filled from the mock item, and nothing else. Throws when the id is
   * already in the store.
   */
  insert<R extends ResourceName>(resource: R, item: StoreInput<R>): ResourceItems[R];
  insert<R extends ResourceName>(resource: R, items: readonly StoreInput<R>[]): ResourceItems[R][];
  /** Merges `patch` into the stored item (the id stays); throws when there is no such item. */
  update<R extends ResourceName>(
    resource: R,
    id: string,
    patch: DeepPartial<ResourceItems[R]>,
  ): ResourceItems[R];
  /** Removes the item; returns it, or undefined when there was none. */
  remove<R extends ResourceName>(resource: R, id: string): ResourceItems[R] | undefined;
}

/** A background job as `GET /background-jobs/{id}` answers it (a plain object for a spec without that operation). */
export type MockJob = SuccessBodies extends { getBackgroundJob: infer Job } ? Job : Record<string, unknown>;

/** The background jobs of the stateful mock (`GET /background-jobs/{id}` answers from here). */
export interface MockJobs {
  /** Completes every pending job (their effects land in creation order); returns how many. */
  completeAll(): number;
  /** Every job, in creation order, as `GET /background-jobs/{id}` answers it. */
  list(): MockJob[];
  get(id: string): MockJob | undefined;
  /** Ids of the jobs not completed yet. */
  pending(): string[];
}

export interface MockApi {
  /** A handler for every operation; CRUD resources answer from the in-memory store. */
  handlers: OperationHandler[];
  /**
   * Empties the store, restarts ids and timestamps, and forgets which ignored-filter warnings were printed
   * (call it between tests).
   */
  reset(): void;
  /**
   * Adds items (partial items are filled up from the mock item; a number adds that many mock items). Throws,
   * adding none of them, when an id is already in the store or given twice.
   */
  seed<R extends ResourceName>(
    resource: R,
    items: number | DeepPartial<ResourceItems[R]>[],
  ): ResourceItems[R][];
  /** Typed read/write access to what the handlers see. */
  store: MockStore;
  /** The background jobs: `api.jobs.completeAll()` with `jobs: { manual: true }`. */
  jobs: MockJobs;
  /** The CRUD resources this mock keeps state for. */
  resources: readonly ResourceName[];
}

const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 100;

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

/**
 * How `checkFilters` reads a request that is not a plain list request answered from a store: `examplePage` and
 * `selects` are passed on to the message as they are, so they are the message's own fields.
 */
interface FilterCheck extends Pick<UnappliedContext, "examplePage" | "selects"> {
  /** The list operation whose filters the request uses (an action that selects leads uses `listLeads`'s). */
  readonly filtersOf?: string;
  /** Filters it sent that this list operation does not have, so nothing applies them. */
  readonly beyond?: readonly string[];
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
  const jobs = new JobQueue(
    () => ((defaultBodies as Partial<Record<string, () => unknown>>).getBackgroundJob?.() ?? {}) as Item,
    ids,
    options.jobs,
  );
  const filterContext: FilterContext = { list: (name) => stores.get(name)?.all() ?? [] };
  const ignoredFilters = new IgnoredFilters(options.onIgnoredFilter);
  /**
   * The unapplied filters a list request sent, handled by `onIgnoredFilter`: a response to answer instead, or
   * undefined.
   */
  function checkFilters(
    operationId: string,
    request: Request,
    params: Readonly<Record<string, unknown>>,
    { examplePage = false, filtersOf = operationId, beyond = [], selects }: FilterCheck = {},
  ): Response | undefined {
    const table = Object.hasOwn(listFilters, filtersOf) ? listFilters[filtersOf] : undefined;
    const unapplied = [...sentFilters(unappliedFilters(filtersOf, table, !examplePage), params), ...beyond];
    const unknown = examplePage ? [] : unknownRuleValues(filtersOf, params, filterContext);
    // In the table's order, each once.
    const order = table ? [...table.filters.map((filter) => filter.param), ...table.ignored] : [];
    const reported = [...unapplied, ...unknown];
    return ignoredFilters.check(
      operationId,
      [
        ...order.filter((param) => reported.includes(param)),
        ...reported.filter((param) => !order.includes(param)),
      ].filter((param, index, all) => all.indexOf(param) === index),
      request,
      { examplePage, unknownValues: unknown, selects },
    );
  }

  /**
   * The body of an operation that documents its own shape rather than the stored item's (createAIAgent answers
   * `AIAgent`, the store keeps `getAIAgent`'s summary): its default body with the stored item's values for the
   * properties it has, where the value is of the same kind — so the answer has the operation's shape and the
   * store's data.
   */
  function ownShape(operation: OperationSpec, item: Item): unknown {
    const properties = ownResponseProperties[operation.operationId];
    if (properties === undefined) return item;
    const base = defaultBodies[operation.operationId as MockOperationId]() as unknown;
    if (!isPlainObject(base)) return base;
    const keys = properties.length > 0 ? properties : Object.keys(base);
    const kind = (value: unknown) =>
      value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
    const shaped: Item = { ...base };
    for (const key of keys) {
      if (!(key in item)) continue;
      if (key in base && kind(base[key]) !== kind(item[key])) continue;
      shaped[key] = item[key];
    }
    return shaped;
  }
  /** Items made per resource so far (seeded or created): the index realistic values are drawn for. */
  const itemCounts = new Map<string, number>();

  /** A full item: the mock item, the caller's known properties over it, a fresh id and timestamps. */
  function newItem(resource: ResourceSpec, input: unknown, fromRequest = false): Item {
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
    // Seeded items are the test author's and checked as given (`--data` refuses a bad one); a request's are fitted.
    const merged = deepMerge(template, known);
    const item = fromRequest ? fitting(resource, template, merged, known) : merged;
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

  /** `merged` with the caller's properties the item schema refuses put back (see fitting.ts). */
  function fitting(resource: ResourceSpec, base: Item, merged: Item, known: Item): Item {
    const schema = Object.hasOwn(itemSchemas, resource.name) ? itemSchemas[resource.name] : undefined;
    return schema === undefined ? merged : fitItem(itemValidator, schema, base, merged, known);
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
          const item = newItem(resource, body, true);
          const duplicate = duplicateOf(resource, item);
          return duplicate
            ? conflict(operation, duplicate)
            : successResponse(operation, ownShape(operation, store.put(item)));
        };
      }
      if (resource.list === operationId) {
        return ({ request, body }) => {
          const params = listParams(resource, request, body);
          const limit = params.limit === undefined ? DEFAULT_LIMIT : Number(params.limit);
          if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
            return errorResponse(operation, 400, `limit must be an integer from 1 to ${MAX_LIMIT}`);
          }
          const refused = checkFilters(operationId, request, params);
          if (refused) return refused;
          const startingAfter = typeof params.starting_after === "string" ? params.starting_after : undefined;
          const page = store.page({
            limit,
            ...(startingAfter === undefined ? {} : { startingAfter }),
            filter: listPredicate(operationId, listFilters[operationId], params, filterContext),
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
          const known = pickKnown(resource, body);
          const updated = fitting(resource, item, deepMerge(item, known), known);
          updated[resource.idProperty] = item[resource.idProperty];
          const duplicate = duplicateOf(resource, updated, id);
          if (duplicate) return conflict(operation, duplicate);
          if ("timestamp_updated" in updated) updated.timestamp_updated = ids.now();
          return successResponse(operation, ownShape(operation, store.put(updated)));
        };
      }
      if (resource.remove === operationId) {
        return ({ params }) => {
          const id = params[resource.idParam] ?? "";
          const item = store.delete(id);
          return item
            ? successResponse(operation, ownShape(operation, item))
            : notFound(operation, resource, id);
        };
      }
    }
    return actionResolver(operationId) ?? jobResolver(operationId);
  }

  const resourceByName = (name: string) => (Object.hasOwn(resources, name) ? resources[name] : undefined);

  /** A state-changing action of the table in actions.ts, or a job operation with no effect of its own. */
  function actionResolver(operationId: string): OperationResolver | undefined {
    const isJob = backgroundJobOperations.includes(operationId as MockOperationId);
    const action: Action | undefined = Object.hasOwn(ACTIONS, operationId)
      ? ACTIONS[operationId]
      : isJob
        ? (context) => {
            const template = context.defaultBody() as Item;
            return context.job(
              { type: String(template.type), entity_type: String(template.entity_type) },
              () => undefined,
            );
          }
        : undefined;
    if (!action) return undefined;
    const operation = specOf(operationId);
    const ownFields = Object.hasOwn(LEAD_SELECTING, operationId) ? LEAD_SELECTING[operationId] : undefined;
    /** The body without the action's own fields: what selects the leads. */
    const leadFilters = (filters: Item) =>
      Object.fromEntries(Object.entries(filters).filter(([name]) => !ownFields?.includes(name)));
    return ({ request, params, body }) => {
      // An action that picks leads by `POST /leads/list`'s filters reports those it does not apply before it acts,
      // as a list request does: a move that ignored `queries` would move every lead, without a word.
      if (ownFields && isPlainObject(body)) {
        const filters = leadFilters(body);
        // The action's filters that listLeads does not have (moveLeads' `esp_code`). A flag set to `false` asks
        // for no filtering, as an empty value does.
        const table = listFilters.listLeads;
        const known = table ? [...table.filters.map((filter) => filter.param), ...table.ignored] : [];
        const beyond = sentFilters(
          Object.keys(filters).filter((name) => !known.includes(name) && filters[name] !== false),
          filters,
        );
        const unapplied = checkFilters(operationId, request, filters, {
          filtersOf: "listLeads",
          beyond,
          selects: "leads",
        });
        if (unapplied) return unapplied;
      }
      const context: ActionContext = {
        params,
        query: Object.fromEntries(new URL(request.url).searchParams),
        body: isPlainObject(body) ? body : {},
        store: (name) => {
          const resource = resourceByName(name);
          return resource ? storeOf(resource) : undefined;
        },
        selectLeads: (filters) => {
          // Its filters are only checked (above) for the actions LEAD_SELECTING lists.
          if (!ownFields)
            throw new Error(`${operationId} selects leads: list it in LEAD_SELECTING (actions.ts)`);
          const leads = resourceByName("leads");
          if (!leads) return [];
          return storeOf(leads)
            .all()
            .filter(listPredicate("listLeads", listFilters.listLeads, leadFilters(filters), filterContext));
        },
        create: (name, input) => {
          const resource = resourceByName(name) as ResourceSpec;
          return storeOf(resource).put(newItem(resource, input, true));
        },
        job: (subject, effect) => successResponse(operation, jobs.start(subject, effect)),
        jobs,
        now: () => ids.now(),
        defaultBody: () => defaultBodies[operationId as MockOperationId](),
        respond: (answer) => successResponse(operation, answer),
        fail: (status, message) => errorResponse(operation, status, message),
      };
      return action(context);
    };
  }

  /** `GET /background-jobs/{id}` and `GET /background-jobs` answer from the job queue. */
  function jobResolver(operationId: string): OperationResolver | undefined {
    const operation = specOf(operationId);
    if (operation.method !== "GET" || !/\/background-jobs(\/\{[^}]+\})?$/.test(operation.path))
      return undefined;
    if (operation.path.endsWith("}")) {
      return ({ request, params }) => {
        const id = Object.values(params)[0] ?? "";
        const job = jobs.store.get(id);
        if (!job) return errorResponse(operation, 404, `No background job with id '${id}'`);
        // `data_fields=moved_leads,moved_lead_emails`: only those fields of `data`, as the API documents.
        const fields = new URL(request.url).searchParams.get("data_fields");
        if (fields === null || !isPlainObject(job.data)) return successResponse(operation, job);
        const wanted = new Set(fields.split(",").map((field) => field.trim()));
        const data = Object.fromEntries(Object.entries(job.data).filter(([key]) => wanted.has(key)));
        return successResponse(operation, { ...job, data });
      };
    }
    return ({ request }) => {
      const params = Object.fromEntries(new URL(request.url).searchParams);
      const limit = params.limit === undefined ? DEFAULT_LIMIT : Number(params.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
        return errorResponse(operation, 400, `limit must be an integer from 1 to ${MAX_LIMIT}`);
      }
      const refused = checkFilters(operationId, request, params);
      if (refused) return refused;
      return successResponse(
        operation,
        jobs.store.page({
          limit,
          ...(params.starting_after === undefined ? {} : { startingAfter: params.starting_after }),
          filter: listPredicate(operationId, listFilters[operationId], params, filterContext),
        }),
      );
    };
  }

  /**
   * A paginated list with no store behind it answers its fixed example page (as the stateless handlers do); none
   * of its filters is applied there, so any it is sent is reported.
   */
  function examplePageResolver(operationId: string): MockResolver<unknown> | undefined {
    const filters = Object.hasOwn(listFilters, operationId) ? listFilters[operationId] : undefined;
    if (!filters) return undefined;
    return async ({ request, body, defaultBody }) => {
      const sent = await body();
      const params =
        filters.in === "body"
          ? isPlainObject(sent)
            ? sent
            : {}
          : Object.fromEntries(new URL(request.url).searchParams);
      return checkFilters(operationId, request, params, { examplePage: true }) ?? defaultBody;
    };
  }

  const handlers = routeOrder.map((operationId) => {
    const resolve = resolverFor(operationId);
    return resolve
      ? createResolvedHandler(specOf(operationId), resolve, options)
      : createOperationHandler<unknown>(
          specOf(operationId),
          defaultBodies[operationId] as () => unknown,
          examplePageResolver(operationId),
          options,
        );
  });

  function resourceNamed(name: string, method: string): ResourceSpec {
    const resource = resourceByName(name);
    if (!resource) throw new Error(`store.${method}("${name}"): not a resource of this mock`);
    return resource;
  }

  /** An item from the caller's properties, its id, and only the required properties it left out (mock values). */
  function minimalItem(resource: ResourceSpec, input: unknown): Item {
    const given = isPlainObject(input) ? input : {};
    const template = defaultBodies[resource.itemOperation as MockOperationId]() as unknown as Item;
    const item: Item = {};
    const required = requiredItemProperties[resource.name] ?? [];
    for (const key of required) if (key in template) item[key] = template[key];
    const now = ids.now();
    if (required.includes("timestamp_created")) item.timestamp_created = now;
    if (required.includes("timestamp_updated")) item.timestamp_updated = now;
    Object.assign(item, deepMerge(item, given));
    if (typeof given[resource.idProperty] !== "string") item[resource.idProperty] = ids.uuid();
    return item;
  }

  const store: MockStore = {
    list: (name, filter) =>
      (storeOf(resourceNamed(name, "list")).all() as ResourceItems[typeof name][]).filter(
        (item) => filter?.(item) ?? true,
      ),
    get: (name, id) => storeOf(resourceNamed(name, "get")).get(id) as ResourceItems[typeof name] | undefined,
    insert: ((name: ResourceName, input: unknown) => {
      const resource = resourceNamed(name, "insert");
      const target = storeOf(resource);
      const many = Array.isArray(input);
      const items = (many ? input : [input]).map((entry) => minimalItem(resource, entry));
      const seen = new Set<string>();
      for (const item of items) {
        const id = target.idOf(item);
        if (target.has(id) || seen.has(id)) {
          throw new Error(
            `store.insert("${name}"): an item with ${resource.idProperty} '${id}' already exists`,
          );
        }
        seen.add(id);
      }
      const stored = items.map((item) => target.put(item));
      return many ? stored : stored[0];
    }) as MockStore["insert"],
    update: (name, id, patch) => {
      const resource = resourceNamed(name, "update");
      const target = storeOf(resource);
      const item = target.get(id);
      if (!item) throw new Error(`store.update("${name}"): no item with ${resource.idProperty} '${id}'`);
      const updated = deepMerge(item, patch);
      updated[resource.idProperty] = item[resource.idProperty];
      return target.put(updated) as ResourceItems[typeof name];
    },
    remove: (name, id) =>
      storeOf(resourceNamed(name, "remove")).delete(id) as ResourceItems[typeof name] | undefined,
  };

  return {
    handlers,
    reset() {
      for (const store of stores.values()) store.clear();
      ignoredFilters.reset();
      jobs.clear();
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
    store,
    jobs: {
      completeAll: () => jobs.completeAll(),
      list: () => jobs.store.all() as MockJob[],
      get: (id) => jobs.store.get(id) as MockJob | undefined,
      pending: () => jobs.pendingIds(),
    },
    resources: Object.keys(resources) as ResourceName[],
  };
}
