/** The unit a page states a price in. */
export type PriceUnit = "per_token" | "per_1k" | "per_1m";

/** Multiplier from a unit to USD per 1M tokens. */
export const PER_MILLION: Record<PriceUnit, number> = { per_token: 1e6, per_1k: 1e3, per_1m: 1 };

const PATTERNS: [PriceUnit, RegExp][] = [
  [
    "per_1m",
    /mtok|\bper\s+(1\s*)?m(illion)?\b|\/\s*1?\s*m\b|\b1\s*m\s+(input\s+|output\s+)?tokens\b|(per|\/)\s*1,000,000\b/i,
  ],
  [
    "per_1k",
    /ktok|\bper\s+(1\s*)?k\b|\bper\s+thousand\b|\/\s*1?\s*k\b|\b1\s*k\s+(input\s+|output\s+)?tokens\b|(per|\/)\s*1,000\s+tokens\b/i,
  ],
  ["per_token", /\bper\s+token\b|\/\s*token\b/i],
];

/**
 * Detects the unit a label or price text states ("$3 / MTok", "per 1K tokens", "Price per million tokens").
 * When several appear, the first one in the text wins. Sizes like "200k tokens" or "a 1M token context window" are not
 * units.
 * @example detectUnit("Input ($/1M tokens)") // "per_1m"
 */
export function detectUnit(text: string): PriceUnit | undefined {
  let best: { unit: PriceUnit; at: number } | undefined;
  for (const [unit, re] of PATTERNS) {
    const m = re.exec(text);
    if (m && (!best || m.index < best.at)) best = { unit, at: m.index };
  }
  return best?.unit;
}

/**
 * Like detectUnit, but over section prose: only lines that talk about prices count (a model blurb's "1M context" does
 * not).
 */
export function detectContextUnit(context: string): PriceUnit | undefined {
  const pricey = context.split("\n").filter((line) => /\b(prices?|priced|pricing|costs?|usd)\b|\$|\bper\s/i.test(line));
  return detectUnit(pricey.join("\n"));
}

/** One price read from a table cell. */
export interface CellPrice {
  value: number;
  unit?: PriceUnit;
  tier_above?: number;
}

const ABSENT = /^(-+|—|–|n\/?a|not available|free of charge|free|none|unavailable|\*)$/i;
const SKIP_LINE = /storage|per hour|\/\s*hour/i;
const MODALITY = /\b(audio|image|video)\b/i;
const TIER_ABOVE = /(?:>|above|over|greater than|more than)\s*(\d+)\s*k\b/i;

/**
 * Reads a price cell: "$3.00 / MTok", "$0.30/1M tokens", "$2.00", or Google's multi-line
 * "$1.25, prompts <= 200k tokens / $2.50, prompts > 200k tokens" (the second line gets tier_above 200000).
 * Dashes and "Not available" mean no price; anything else without an amount is junk.
 */
export function parsePriceCell(text: string): { prices: CellPrice[]; junk?: string } {
  const cell = text.replace(/\u00a0/g, " ").trim();
  if (cell === "" || ABSENT.test(cell)) return { prices: [] };
  const prices: CellPrice[] = [];
  for (const raw of cell.split(/\n+/)) {
    const line = raw.trim();
    if (line === "" || ABSENT.test(line) || SKIP_LINE.test(line)) continue;
    if (MODALITY.test(line) && !/\btext\b/i.test(line)) continue; // audio/image/video rates are not token-class quotes
    const amount = readAmount(line);
    if (amount === undefined) continue;
    const price: CellPrice = { value: amount };
    const unit = detectUnit(line);
    if (unit) price.unit = unit;
    const tier = TIER_ABOVE.exec(line);
    if (tier) price.tier_above = Number(tier[1]) * 1000;
    prices.push(price);
  }
  if (prices.length === 0) return { prices, junk: `"${cell.slice(0, 60)}" holds no price` };
  return { prices };
}

function readAmount(line: string): number | undefined {
  const dollar =
    /\$\s*(\d[\d,]*(?:\.\d+)?|\.\d+)/.exec(line) ??
    /(?:^|\s)(\d[\d,]*(?:\.\d+)?)\s*(?:usd|\$)/i.exec(line) ??
    /^(\d[\d,]*(?:\.\d+)?)$/.exec(line);
  if (!dollar?.[1]) return undefined;
  const n = Number(dollar[1].replace(/,/g, ""));
  return Number.isFinite(n) ? n : undefined;
}
