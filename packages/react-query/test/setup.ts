import { configure } from "@testing-library/react";

// findBy*/waitFor give up after 1 s by default: a real-time deadline a saturated CI machine misses.
// They resolve as soon as the condition holds, so a generous bound costs nothing when things are fast.
configure({ asyncUtilTimeout: 15_000 });
