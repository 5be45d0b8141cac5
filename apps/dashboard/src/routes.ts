import { useEffect, useState } from "react";

// Three screens do not need a router dependency: the hash is the route, so the static build works on any
// file server (the browser test serves it from a bare node:http server).
export type Route =
  | { page: "campaigns" }
  | { page: "campaign"; id: string }
  | { page: "lead-labels" }
  | { page: "settings" };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, "");
  const campaign = /^\/campaigns\/([^/]+)$/.exec(path);
  if (campaign?.[1]) return { page: "campaign", id: decodeURIComponent(campaign[1]) };
  if (path === "/lead-labels") return { page: "lead-labels" };
  if (path === "/settings") return { page: "settings" };
  return { page: "campaigns" };
}

export function hrefFor(route: Route): string {
  if (route.page === "campaign") return `#/campaigns/${encodeURIComponent(route.id)}`;
  return `#/${route.page}`;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener("hashchange", onChange);
    return () => window.removeEventListener("hashchange", onChange);
  }, []);
  return route;
}
