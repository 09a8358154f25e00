import { useState } from "react";
import { configure } from "@exostream/widgets/configure";
// One import per element: this page pulls in neither the charts nor uPlot.
import "@exostream/widgets/ticker";
import "@exostream/widgets/cost-calculator";
// JSX typings: <exo-ticker model="…"> is checked like a built-in element.
import type {} from "@exostream/widgets/react";

configure({
  feed: import.meta.env.VITE_EXOSTREAM_FEED ?? "https://feed.exostream.example",
  pins: (import.meta.env.VITE_EXOSTREAM_PINS ?? "").split(" ").filter(Boolean),
});

export function App() {
  const [state, setState] = useState("loading");
  return (
    <main>
      <h1>GPT-4.1, verified</h1>
      <exo-ticker id="ticker" model="GPT-4.1" onexo-state={(e) => setState(e.detail.state)} />
      <p id="state">Snapshot: {state}</p>
      <exo-cost-calculator id="calculator" model="GPT-4.1" n-in="30000" n-out="800" />
    </main>
  );
}
