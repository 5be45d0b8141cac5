/** One page of a cursor-paginated list, as the API returns it. */
export interface Page<T> {
  items: T[];
  /** The cursor for the next page; absent on the last page. */
  next_starting_after?: string;
}

interface Entry<T> {
  /** Position in creation order; never reused, so a cursor keeps its place after its item is deleted. */
  seq: number;
  item: T;
}

/**
 * Items of one resource in creation order, keyed by id. The cursor is the id of the last item of a page and
 * means "the items created after that one": pages stay stable while items are added, and a cursor stays valid
 * after its item is deleted (the store remembers where deleted ids stood), so the common "delete every item
 * of the page, then ask for the next page" loop visits every item exactly once.
 */
export class ResourceStore<T extends Record<string, unknown>> {
  readonly #items = new Map<string, Entry<T>>();
  /** Where deleted ids stood, for cursors that point at them. Grows with deletions until `clear()`. */
  readonly #deleted = new Map<string, number>();
  readonly #idProperty: string;
  #nextSeq = 0;

  constructor(idProperty: string) {
    this.#idProperty = idProperty;
  }

  idOf(item: T): string {
    return String(item[this.#idProperty]);
  }

  /** Adds an item at the end, or replaces the item with the same id in place. */
  put(item: T): T {
    const id = this.idOf(item);
    const existing = this.#items.get(id);
    if (existing) existing.item = item;
    else {
      this.#deleted.delete(id);
      this.#items.set(id, { seq: this.#nextSeq++, item });
    }
    return item;
  }

  get(id: string): T | undefined {
    return this.#items.get(id)?.item;
  }

  has(id: string): boolean {
    return this.#items.has(id);
  }

  delete(id: string): T | undefined {
    const entry = this.#items.get(id);
    if (!entry) return undefined;
    this.#items.delete(id);
    this.#deleted.set(id, entry.seq);
    return entry.item;
  }

  clear(): void {
    this.#items.clear();
    this.#deleted.clear();
    this.#nextSeq = 0;
  }

  all(): T[] {
    return [...this.#items.values()].map((entry) => entry.item);
  }

  get size(): number {
    return this.#items.size;
  }

  /**
   * Up to `limit` items created after the item `startingAfter` (from the start when absent), optionally
   * filtered. A cursor that never named an item of this store yields an empty page rather than restarting.
   */
  page(options: { limit: number; startingAfter?: string; filter?: (item: T) => boolean }): Page<T> {
    let after = -1;
    if (options.startingAfter !== undefined) {
      const seq = this.#items.get(options.startingAfter)?.seq ?? this.#deleted.get(options.startingAfter);
      if (seq === undefined) return { items: [] };
      after = seq;
    }
    const items: T[] = [];
    let hasMore = false;
    // Map iteration is insertion order, which is `seq` order: new ids are appended with a higher seq.
    for (const entry of this.#items.values()) {
      if (entry.seq <= after || !(options.filter?.(entry.item) ?? true)) continue;
      if (items.length === options.limit) {
        hasMore = true;
        break;
      }
      items.push(entry.item);
    }
    const last = items.at(-1);
    return hasMore && last ? { items, next_starting_after: this.idOf(last) } : { items };
  }
}
