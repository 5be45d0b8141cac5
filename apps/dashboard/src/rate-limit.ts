// The client already retries 429s (honouring Retry-After) inside its transport, so a query that gets rate
// limited simply stays pending a little longer. To tell the user why, the app hands the client a fetch that
// only *observes* each attempt: a 429 marks that request as waiting, its next answer clears it. No second
// retry loop, no change to what is sent.

const DEFAULT_WAIT_MS = 10_000; // the client's longest backoff step when there is no Retry-After
const GRACE_MS = 2_000;

export interface RateLimitMonitor {
  /** Pass as `createInstantlyClient({ fetch })`. Resolves `globalThis.fetch` per call (msw patches it late). */
  fetch: typeof globalThis.fetch;
  isRateLimited(): boolean;
  subscribe(listener: () => void): () => void;
  /** Forget every waiting request, e.g. once the client gave up and the error is shown instead. */
  clear(): void;
}

function requestKey(input: RequestInfo | URL, init?: RequestInit): string {
  if (input instanceof Request) return `${input.method} ${input.url}`;
  return `${init?.method ?? "GET"} ${String(input)}`;
}

function waitFrom(response: Response): number {
  const header = response.headers.get("retry-after");
  const seconds = header === null ? Number.NaN : Number(header);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const date = header === null ? Number.NaN : Date.parse(header);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : DEFAULT_WAIT_MS;
}

export function createRateLimitMonitor(): RateLimitMonitor {
  const waiting = new Map<string, ReturnType<typeof setTimeout>>();
  const listeners = new Set<() => void>();
  let limited = false;

  function publish() {
    const next = waiting.size > 0;
    if (next === limited) return;
    limited = next;
    for (const listener of listeners) listener();
  }

  function settle(key: string) {
    const timer = waiting.get(key);
    if (timer === undefined) return;
    clearTimeout(timer);
    waiting.delete(key);
  }

  return {
    async fetch(input, init) {
      const response = await globalThis.fetch(input, init);
      const key = requestKey(input, init);
      settle(key);
      if (response.status === 429) {
        // If no retry answers by then (the client gave up), stop claiming we are retrying.
        waiting.set(
          key,
          setTimeout(() => {
            waiting.delete(key);
            publish();
          }, waitFrom(response) + GRACE_MS),
        );
      }
      publish();
      return response;
    },
    isRateLimited: () => limited,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    clear() {
      for (const key of [...waiting.keys()]) settle(key);
      publish();
    },
  };
}
