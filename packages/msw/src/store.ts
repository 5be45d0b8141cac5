/** One page of a cursor-paginated list, as the API returns it. */
export interface Page<T> {
  items: T[];
  /** The cursor for the next page; absent on the last page. */
  next_starting_after?: string;
}

/**
 * Items of one resource in insertion order, keyed by id. The cursor is the id of the last item of a page, so
 * pages stay stable while items are added after the cursor.
 */
export class ResourceStore<T extends Record<string, unknown>> {
  readonly #items = new Map<string, T>();
  readonly #idProperty: string;

  constructor(idProperty: string) {
    this.#idProperty = idProperty;
  }

  idOf(item: T): string {
    return String(item[this.#idProperty]);
  }

  put(item: T): T {
    this.#items.set(this.idOf(item), item);
    return item;
  }

  get(id: string): T | undefined {
    return this.#items.get(id);
  }

  has(id: string): boolean {
    return this.#items.has(id);
  }

  delete(id: string): T | undefined {
    const item = this.#items.get(id);
    this.#items.delete(id);
    return item;
  }

  clear(): void {
    this.#items.clear();
  }

  all(): T[] {
    return [...this.#items.values()];
  }

  get size(): number {
    return this.#items.size;
  }

  /**
   * Up to `limit` items after the item `startingAfter` (from the start when absent), optionally filtered.
   * An unknown cursor yields an empty page rather than restarting, like a cursor past the end.
   */
  page(options: { limit: number; startingAfter?: string; filter?: (item: T) => boolean }): Page<T> {
    const matching = this.all().filter((item) => options.filter?.(item) ?? true);
    let start = 0;
    if (options.startingAfter !== undefined) {
      const index = matching.findIndex((item) => this.idOf(item) === options.startingAfter);
      start = index === -1 ? matching.length : index + 1;
    }
    const items = matching.slice(start, start + options.limit);
    const last = items.at(-1);
    const hasMore = start + options.limit < matching.length;
    return hasMore && last ? { items, next_starting_after: this.idOf(last) } : { items };
  }
}
