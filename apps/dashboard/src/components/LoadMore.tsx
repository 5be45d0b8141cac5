import { useEffect, useRef } from "react";

interface LoadMoreProps {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

/**
 * Infinite scroll: a sentinel below the list asks for the next page when it scrolls into view. The button does
 * the same for keyboard users and browsers without IntersectionObserver.
 */
export function LoadMore({ hasNextPage, isFetchingNextPage, fetchNextPage }: LoadMoreProps) {
  const sentinel = useRef<HTMLDivElement>(null);
  const latest = useRef({ hasNextPage, isFetchingNextPage, fetchNextPage });
  latest.current = { hasNextPage, isFetchingNextPage, fetchNextPage };

  // Re-observing after each page makes the observer report again, so a sentinel that is still in view after
  // a short page keeps loading until the viewport is filled or the list ends.
  useEffect(() => {
    if (!hasNextPage || isFetchingNextPage) return;
    const element = sentinel.current;
    if (!element || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver((entries) => {
      const { hasNextPage: more, isFetchingNextPage: busy, fetchNextPage: next } = latest.current;
      if (entries.some((entry) => entry.isIntersecting) && more && !busy) void next();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage]);

  return (
    <div ref={sentinel} className="load-more" data-testid="load-more">
      {hasNextPage ? (
        <button type="button" disabled={isFetchingNextPage} onClick={() => void fetchNextPage()}>
          {isFetchingNextPage ? "Loading…" : "Load more"}
        </button>
      ) : (
        <span className="muted">That's all.</span>
      )}
    </div>
  );
}
