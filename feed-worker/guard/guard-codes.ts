/** Codes the guard adds on top of the transport and parser codes it passes through. */
export type GuardCode = "E_SHRINK" | "E_PRICE_BOUNDS" | "E_PRICE_INVALID" | "E_RATIO_BOUNDS" | "E_UNIT_SUSPECT";

/** One quote the guard refused; `field` is "*" when the whole model was refused by the parser. */
export interface GuardRejection {
  model_id: string;
  field: string;
  code: string;
  reason: string;
}
