import { html } from "lit";
import { ExoPage } from "../components/exo-page";

const CASES: ReadonlyArray<{ who: string; why: string; items: string[] }> = [
  {
    who: "For AI engineers",
    why: "Track what you are actually spending across models.",
    items: [
      "κ, your price exposure multiplier, tells you how exposed a call is to price changes: high context means high exposure.",
      "Forward curves show where prices are headed, so you can plan migrations.",
      "Compare ranks every model for your own task profile, today and at a horizon.",
    ],
  },
  {
    who: "For finance and procurement",
    why: "Budget with forward curves, not guesswork.",
    items: [
      "The oracle publishes θ, the decay rate: how fast each model's price falls per year.",
      "The Budget Planner turns monthly volume × task profile into spot and 1M/3M/6M projections.",
      "The Swap desk prices a fixed rate for a term, so a forecast can become a number in a contract.",
    ],
  },
  {
    who: "For LLM tooling platforms",
    why: "Replace hard-coded price tables with a signed feed.",
    items: [
      "Observability: accurate, auto-updating cost tracking.",
      "Routers and gateways: real-time prices for cost-aware routing.",
      "One integration for every provider, verifiable offline from the signed snapshot.",
    ],
  },
  {
    who: "For analysts and investors",
    why: "Structured historical pricing with provenance on every point.",
    items: [
      "Depreciation analytics: the half-life of pricing power per model family.",
      "Who cuts fastest, and where margins compress.",
      "EICI, a single benchmark for the market.",
    ],
  },
  {
    who: "For agentic systems",
    why: "Let agents reason about cost before they spend.",
    items: [
      "Query prices conversationally over MCP.",
      "Check a budget before a call, meter the exact cost after it.",
      "Cost-aware routing against the oracle, in real time.",
    ],
  },
];

/** Who uses the oracle, and why. */
export class PageUseCases extends ExoPage {
  protected override render() {
    return html`<h1 tabindex="-1">Use cases</h1>
      <p class="lede">Who uses the oracle, and why.</p>
      <div class="prose">
        ${CASES.map(
          (c) => html`<section>
            <h2>${c.who}</h2>
            <p>${c.why}</p>
            <ul>${c.items.map((i) => html`<li>${i}</li>`)}</ul>
          </section>`,
        )}
      </div>`;
  }
}

customElements.define("page-use-cases", PageUseCases);
