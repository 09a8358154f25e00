/** A move at least this large (either way) against the last published value is flagged as a suspected unit error. */
export const UNIT_SUSPECT_FLAG = 10;
/** A move at least this large is rejected outright: no real price change is a 100-fold step. */
export const UNIT_SUSPECT_REJECT = 100;

export interface UnitSuspect {
  code: "E_UNIT_SUSPECT";
  /** value / reference. */
  factor: number;
  /** The classic slip this factor resembles, when one is within 0.2 decades. */
  likely?: string;
  reason: string;
}

const KNOWN: [number, string][] = [
  [1e3, "×1000 slip, e.g. a per-1M price read as per-1K"],
  [1e-3, "÷1000 slip, e.g. a per-1K price read as per-1M"],
  [1e5, "×100000 slip seen in public price files"],
  [1e-5, "÷100000 slip seen in public price files"],
  [1e6, "×1e6 slip, e.g. a per-1M price converted again as if per token"],
  [1e-6, "÷1e6 slip, e.g. a per-token price taken as per-1M"],
];

/**
 * Flags a price that moved ≥10× either way from the last published value, naming the factor and the unit
 * slip it resembles (E_UNIT_SUSPECT). Returns null when the move is smaller or either value is not positive.
 * @example unitSuspect(150, 0.1)?.factor // 1500
 */
export function unitSuspect(value: number, reference: number): UnitSuspect | null {
  if (!(value > 0) || !(reference > 0) || !Number.isFinite(value) || !Number.isFinite(reference)) return null;
  const factor = value / reference;
  if (factor < UNIT_SUSPECT_FLAG && factor > 1 / UNIT_SUSPECT_FLAG) return null;
  const likely = KNOWN.find(([f]) => Math.abs(Math.log10(factor) - Math.log10(f)) < 0.2)?.[1];
  const shown = factor >= 1 ? `${Number(factor.toPrecision(3))}×` : `1/${Number((1 / factor).toPrecision(3))} of`;
  const reason = `${value} USD/M is ${shown} the last published ${reference}${likely ? ` (≈ ${likely})` : ""}`;
  return likely ? { code: "E_UNIT_SUSPECT", factor, likely, reason } : { code: "E_UNIT_SUSPECT", factor, reason };
}

/** True when a suspect's factor is large enough to reject rather than only flag. */
export function isRejectable(s: UnitSuspect): boolean {
  return s.factor >= UNIT_SUSPECT_REJECT || s.factor <= 1 / UNIT_SUSPECT_REJECT;
}
