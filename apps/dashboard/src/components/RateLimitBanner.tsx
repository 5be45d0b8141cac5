import { useSyncExternalStore } from "react";
import type { RateLimitMonitor } from "../rate-limit.ts";

export function RateLimitBanner({ monitor }: { monitor: RateLimitMonitor }) {
  const limited = useSyncExternalStore(monitor.subscribe, monitor.isRateLimited, monitor.isRateLimited);
  if (!limited) return null;
  return (
    <div role="status" className="problem problem-rate-limited">
      Rate limited, retrying…
    </div>
  );
}
