import type { IdSource } from "./ids.js";
import { isPlainObject } from "./merge.js";
import { ResourceStore } from "./store.js";

type Item = Record<string, unknown>;

export interface MockJobOptions {
  /**
   * When a background job completes: `undefined`/`0` (default) at once, before the response is sent; a number of
   * ms later (a plain `setTimeout`, so `vi.useFakeTimers()` controls it); never by itself with `manual: true`,
   * only on `api.jobs.completeAll()`.
   */
  delayMs?: number;
  manual?: boolean;
}

/** What a job is about: the `type`, `entity_type`, `entity_id` of the API's background job object. */
export interface JobSubject {
  type: string;
  entity_type?: string;
  entity_id?: string | null;
}

/** The effect of a job, run when it completes; what it returns is merged into the job's `data`. */
export type JobEffect = () => Item | undefined;

interface Pending {
  effect: JobEffect;
  timer?: ReturnType<typeof setTimeout>;
}

/**
 * The background jobs of the stateful mock. A job is created `pending` (progress 0) and, when it completes,
 * runs its effect and becomes `success` (progress 100; `failed` when the effect throws, with the message in
 * `data.error`). The store keeps jobs in creation order for `GET /background-jobs` and `/background-jobs/{id}`.
 */
export class JobQueue {
  readonly store = new ResourceStore<Item>("id");
  readonly #pending = new Map<string, Pending>();
  readonly #template: () => Item;
  readonly #ids: IdSource;
  readonly #options: MockJobOptions;

  constructor(template: () => Item, ids: IdSource, options: MockJobOptions = {}) {
    if (options.delayMs !== undefined && !(Number.isFinite(options.delayMs) && options.delayMs >= 0)) {
      throw new RangeError(
        `jobs.delayMs must be a number of milliseconds >= 0, got ${String(options.delayMs)}`,
      );
    }
    this.#template = template;
    this.#ids = ids;
    this.#options = options;
  }

  /** Queues a job; returns the job as the API answers it on creation (pending), whenever it completes. */
  start(subject: JobSubject, effect: JobEffect): Item {
    const now = this.#ids.now();
    const template = this.#template();
    const job: Item = {
      ...template,
      id: this.#ids.uuid(),
      type: subject.type,
      entity_type: subject.entity_type ?? template.entity_type,
      entity_id: subject.entity_id ?? null,
      data: {},
      progress: 0,
      status: "pending",
      created_at: now,
      updated_at: now,
    };
    const created = structuredClone(job);
    this.store.put(job);
    const id = String(job.id);
    const pending: Pending = { effect };
    this.#pending.set(id, pending);
    const { delayMs = 0, manual = false } = this.#options;
    if (manual) return created;
    if (delayMs === 0) this.complete(id);
    else {
      pending.timer = setTimeout(() => this.complete(id), delayMs);
      // A pending job must not keep a test process alive.
      (pending.timer as { unref?: () => void }).unref?.();
    }
    return created;
  }

  /** Completes one pending job now; false when there is no such pending job. */
  complete(id: string): boolean {
    const pending = this.#pending.get(id);
    const job = this.store.get(id);
    if (!pending || !job) return false;
    this.#pending.delete(id);
    if (pending.timer !== undefined) clearTimeout(pending.timer);
    let data: Item = isPlainObject(job.data) ? job.data : {};
    let status = "success";
    try {
      data = { ...data, ...(pending.effect() ?? {}) };
    } catch (error) {
      status = "failed";
      data = { ...data, error: error instanceof Error ? error.message : String(error) };
    }
    this.store.put({ ...job, data, status, progress: 100, updated_at: this.#ids.now() });
    return true;
  }

  /** Completes every pending job in creation order; returns how many completed. */
  completeAll(): number {
    let completed = 0;
    for (const id of [...this.#pending.keys()]) if (this.complete(id)) completed++;
    return completed;
  }

  /** Ids of the jobs not completed yet. */
  pendingIds(): string[] {
    return [...this.#pending.keys()];
  }

  /** Drops every job and timer (the effects of pending jobs never land). */
  clear(): void {
    for (const pending of this.#pending.values())
      if (pending.timer !== undefined) clearTimeout(pending.timer);
    this.#pending.clear();
    this.store.clear();
  }
}
