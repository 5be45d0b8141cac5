import { cleanup, configure } from "@testing-library/react";
import { afterEach } from "vitest";

// findBy*/waitFor give up after 1 s by default: a real-time deadline a saturated CI machine misses.
// They resolve as soon as the condition holds, so a generous bound costs nothing when things are fast.
configure({ asyncUtilTimeout: 15_000 });

afterEach(() => {
  cleanup();
  sessionStorage.clear();
  window.location.hash = "";
});
