import { installFakeIntersectionObserver } from "@instantly-kit/react-query/testing";
import { cleanup, configure } from "@testing-library/react";
import { afterEach, beforeEach } from "vitest";

// findBy*/waitFor give up after 1 s by default: a real-time deadline a busy CI machine misses. They resolve
// as soon as the condition holds, so a generous bound costs nothing when things are fast.
configure({ asyncUtilTimeout: 15_000 });

// jsdom has no IntersectionObserver: the kit's fake, fresh for every test (`scrollObservedIntoView()`).
let uninstall: () => void = () => {};
beforeEach(() => {
  uninstall = installFakeIntersectionObserver();
});
afterEach(() => {
  cleanup();
  uninstall();
});
