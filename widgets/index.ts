// @exostream/widgets: the package's main entry. Importing it defines all five elements; import one element's entry
// (@exostream/widgets/ticker, /forward-chart, /history-chart, /cost-calculator, /index) to define only that one.
// Nothing else runs on import: no request starts until an element connects.

// settings: the feed and pinned keys for every element on the page
export { configure } from "./configure";
// the elements (each module defines its tag, guarded: a second definition warns and keeps the first)
export { ExoTicker } from "./exo-ticker";
export { ExoForwardChart } from "./exo-forward-chart";
export { ExoHistoryChart } from "./exo-history-chart";
export { ExoCostCalculator } from "./exo-cost-calculator";
export { ExoIndex } from "./exo-index";
export { ExoElement } from "./exo-element";

export type { WidgetsConfig } from "./configure";
