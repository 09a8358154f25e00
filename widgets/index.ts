// @exostream/widgets: the package's main entry. Importing it defines all five elements; import one element's entry
// (@exostream/widgets/ticker, /forward-chart, /history-chart, /cost-calculator, /index) to define only that one.
// Nothing else runs on import: no request starts until an element connects.

// settings: the feed and pinned keys for every element on the page
export { configure } from "./configure.js";
// the elements (each module defines its tag, guarded: a second definition warns and keeps the first)
export { ExoTicker } from "./exo-ticker.js";
export { ExoForwardChart } from "./exo-forward-chart.js";
export { ExoHistoryChart } from "./exo-history-chart.js";
export { ExoCostCalculator } from "./exo-cost-calculator.js";
export { ExoIndex } from "./exo-index.js";
export { ExoElement } from "./exo-element.js";

export type { WidgetsConfig } from "./configure.js";
