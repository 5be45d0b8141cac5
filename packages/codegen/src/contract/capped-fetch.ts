/**
 * The most a response body may hold for `contract:check`: one page of any list of the API is a few MB at most
 * (100 items); the client alone would read whatever arrives until its deadline — gigabytes over a fast link.
 */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;

/**
 * A fetch whose response bodies error once they exceed `maxBytes` (at once when their Content-Length says so):
 * the client's transport, which reads the whole body inside each attempt, then fails the attempt like a body cut
 * short, and the stream is cancelled, closing the connection. Everything else — redirects, abort, headers —
 * is the underlying fetch's.
 */
export function cappedFetch(
  maxBytes: number = MAX_BODY_BYTES,
  fetch: typeof globalThis.fetch = globalThis.fetch,
): typeof globalThis.fetch {
  const tooLarge = () => new Error(`the response body is larger than ${Math.round(maxBytes / 2 ** 20)} MiB`);
  return async (input, init) => {
    const response = await fetch(input, init);
    const { body } = response;
    if (!body) return response;
    if (Number(response.headers.get("content-length")) > maxBytes) {
      body.cancel().catch(() => {});
      throw tooLarge();
    }
    let seen = 0;
    const capped = body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          seen += chunk.byteLength;
          if (seen > maxBytes) controller.error(tooLarge());
          else controller.enqueue(chunk);
        },
      }),
    );
    const copy = new Response(capped, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
    Object.defineProperties(copy, {
      url: { value: response.url },
      redirected: { value: response.redirected },
    });
    return copy;
  };
}
