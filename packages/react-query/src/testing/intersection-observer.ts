// jsdom has no layout, so no IntersectionObserver: this stand-in records what a component observes and lets a
// test say "the user scrolled the sentinel into view" (what an infinite list's "load more" sentinel waits for).
const observers = new Set<FakeIntersectionObserver>();

export class FakeIntersectionObserver implements IntersectionObserver {
  readonly root = null;
  readonly rootMargin = "0px";
  readonly thresholds = [0];
  readonly #callback: IntersectionObserverCallback;
  readonly #targets: Element[] = [];

  constructor(callback: IntersectionObserverCallback) {
    this.#callback = callback;
    observers.add(this);
  }
  observe(target: Element): void {
    if (!this.#targets.includes(target)) this.#targets.push(target);
  }
  unobserve(target: Element): void {
    const index = this.#targets.indexOf(target);
    if (index !== -1) this.#targets.splice(index, 1);
  }
  disconnect(): void {
    this.#targets.length = 0;
    observers.delete(this);
  }
  takeRecords(): IntersectionObserverEntry[] {
    return [];
  }
  /** Calls back with every observed element intersecting; nothing when nothing is observed. */
  fire(): void {
    const entries = this.#targets.map(
      (target) => ({ isIntersecting: true, intersectionRatio: 1, target }) as IntersectionObserverEntry,
    );
    if (entries.length > 0) this.#callback(entries, this);
  }
}

/** Every observed element comes into view (what scrolling to the bottom of the list does). */
export function scrollObservedIntoView(): void {
  for (const observer of [...observers]) observer.fire();
}

/**
 * Puts the fake in place of `globalThis.IntersectionObserver` and forgets observers left by an earlier test.
 * Returns the function that puts the previous value back (call it in `afterEach`).
 */
export function installFakeIntersectionObserver(): () => void {
  const had = Object.hasOwn(globalThis, "IntersectionObserver");
  const previous = globalThis.IntersectionObserver;
  observers.clear();
  globalThis.IntersectionObserver = FakeIntersectionObserver;
  return () => {
    observers.clear();
    if (had) globalThis.IntersectionObserver = previous;
    else Reflect.deleteProperty(globalThis, "IntersectionObserver");
  };
}
