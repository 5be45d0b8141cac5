// jsdom has no layout, so no IntersectionObserver: this stand-in records what the app observes and lets a
// test say "the user scrolled the sentinel into view".
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
    this.#targets.push(target);
  }
  unobserve(target: Element): void {
    this.#targets.splice(this.#targets.indexOf(target), 1);
  }
  disconnect(): void {
    observers.delete(this);
  }
  takeRecords(): IntersectionObserverEntry[] {
    return [];
  }
  fire(): void {
    const entries = this.#targets.map(
      (target) => ({ isIntersecting: true, target }) as IntersectionObserverEntry,
    );
    if (entries.length > 0) this.#callback(entries, this);
  }
}

/** Every observed element comes into view (what scrolling to the bottom of the list does). */
export function scrollObservedIntoView(): void {
  for (const observer of [...observers]) observer.fire();
}
