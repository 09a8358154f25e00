// The calculator is the landing page: loaded with the shell so its first render matches the static first paint
// of index.html (no layout shift). Every other page loads on demand.
import "../pages/page-calculator";

/** The app's pages: hash routes (#/compare, #/model/GPT-4.1), each a lazily loaded element. */
export interface Route {
  path: string;
  label: string;
  tag: string;
  load: () => Promise<unknown>;
}

export const ROUTES: readonly Route[] = [
  { path: "calculator", label: "Calculator", tag: "page-calculator", load: async () => undefined },
  { path: "compare", label: "Compare", tag: "page-compare", load: () => import("../pages/page-compare") },
  { path: "model", label: "Model", tag: "page-model", load: () => import("../pages/page-model") },
  { path: "index", label: "Index", tag: "page-index", load: () => import("../pages/page-index") },
  { path: "swap", label: "Swap desk", tag: "page-swap", load: () => import("../pages/page-swap") },
  {
    path: "monte-carlo",
    label: "Monte Carlo",
    tag: "page-monte-carlo",
    load: () => import("../pages/page-monte-carlo"),
  },
  { path: "canvas", label: "System Canvas", tag: "page-canvas", load: () => import("../pages/page-canvas") },
  { path: "budget", label: "Budget Planner", tag: "page-budget", load: () => import("../pages/page-budget") },
  {
    path: "methodology",
    label: "Methodology",
    tag: "page-methodology",
    load: () => import("../pages/page-methodology"),
  },
  { path: "use-cases", label: "Use cases", tag: "page-use-cases", load: () => import("../pages/page-use-cases") },
  { path: "integrity", label: "Data integrity", tag: "page-integrity", load: () => import("../pages/page-integrity") },
];

/** The route and its parameter from a location hash ("#/model/GPT-4.1" → model, "GPT-4.1"). */
export function parseHash(hash: string): { route: Route; param: string | null } {
  const [path = "", ...rest] = hash.replace(/^#\/?/, "").split("/");
  const route = ROUTES.find((r) => r.path === path) ?? ROUTES[0]!;
  const param = rest.length ? decodeURIComponent(rest.join("/")) : null;
  return { route, param };
}
