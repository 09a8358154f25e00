import { css } from "./css";

/**
 * Shared host styles. Layout-critical host properties are !important because the page's normal
 * rules beat :host rules (a page with `* { all: revert }` would otherwise make the host inline);
 * inside the shadow root nothing from the page applies. Sizes are px/em, never rem. Colours are
 * `--exo-*` custom properties with built-in fallbacks; light/dark through color-scheme + light-dark().
 */
export const themeStyles = css`
  :host {
    display: block !important;
    box-sizing: border-box !important;
    overflow: hidden !important;
    padding: 8px 12px !important;
    font: 14px/20px var(--exo-font, system-ui, sans-serif) !important;
    color: var(--_fg) !important;
    background: var(--_bg) !important;
    border: 1px solid var(--_bd) !important;
    border-radius: var(--exo-radius, 8px) !important;
    text-align: start !important;
    text-indent: 0 !important;
    text-transform: none !important;
    letter-spacing: normal !important;
    word-spacing: normal !important;
    white-space: normal !important;
    color-scheme: light !important;
    --_bg: var(--exo-bg, light-dark(#fff, #15181d));
    --_fg: var(--exo-fg, light-dark(#16181d, #eef1f5));
    --_mu: var(--exo-muted, light-dark(#4d5561, #a9b2bf));
    --_bd: var(--exo-border, light-dark(#d3d8df, #444c57));
    --_up: var(--exo-up, light-dark(#b3261e, #ff9a91));
    --_dn: var(--exo-down, light-dark(#0a6e35, #62d394));
    --_ac: var(--exo-accent, light-dark(#1d5bbf, #8db6ff));
    --_wb: light-dark(#fff1cc, #3b2f00);
  }
  :host([theme="dark"]) {
    color-scheme: dark !important;
  }
  :host([theme="auto"]) {
    color-scheme: light dark !important;
  }
  :host([hidden]) {
    display: none !important;
  }
  * {
    box-sizing: border-box;
    margin: 0;
  }
  :focus-visible {
    outline: 2px solid var(--_ac);
  }
  .mu {
    color: var(--_mu);
  }
  .up,
  .e {
    color: var(--_up);
  }
  .dn {
    color: var(--_dn);
  }
  .b {
    margin-left: 4px;
    padding: 0 4px;
    border-radius: 4px;
    font-size: 11px;
    line-height: 16px;
    font-weight: 600;
    background: var(--_wb);
  }
  .l {
    background: none;
    box-shadow: inset 0 0 0 1px var(--_mu);
  }
  .ft {
    font-size: 12px;
    line-height: 16px;
    color: var(--_mu);
  }
`;
