import { cleanup, configure } from "@testing-library/react";
import { afterEach } from "vitest";
import { queryClients } from "./render.js";

// findBy*/waitFor give up after 1 s by default: a real-time deadline a saturated CI machine misses.
// They resolve as soon as the condition holds, so a generous bound costs nothing when things are fast.
configure({ asyncUtilTimeout: 15_000 });

// Without vitest globals Testing Library does not unmount by itself: a hook left mounted keeps its queries
// (and their timers) alive until after jsdom is torn down ("window is not defined" after the last test).
afterEach(async () => {
  cleanup();
  for (const queryClient of queryClients) queryClient.clear();
  queryClients.clear();
  // TanStack batches notifications on a 0 ms timer: let a batch scheduled before the unmount run while the
  // jsdom window still exists, instead of after the environment is torn down.
  await new Promise((resolve) => setTimeout(resolve, 10));
});
