import { css } from "./css";

/** The part of uPlot's stylesheet these charts use (no legend, no title), plus the chart layout. */
export const chartStyles = css`
  :host {
    height: var(--exo-height, 320px) !important;
  }
  .uplot {
    width: min-content;
  }
  .u-wrap {
    position: relative;
    user-select: none;
  }
  .u-over,
  .u-under,
  .u-axis,
  .u-cursor-x,
  .u-cursor-pt {
    position: absolute;
    left: 0;
    top: 0;
  }
  .u-under {
    overflow: hidden;
  }
  canvas {
    display: block;
    position: relative;
    width: 100%;
    height: 100%;
  }
  .u-cursor-x,
  .u-cursor-pt {
    pointer-events: none;
    will-change: transform;
  }
  .u-cursor-x {
    height: 100%;
    border-right: 1px dashed var(--_mu);
  }
  .u-cursor-pt {
    border-radius: 50%;
    border: 0 solid;
    background-clip: padding-box !important;
  }
  .u-off {
    display: none;
  }
  .g {
    display: grid;
    grid-template-rows: 24px 1fr 16px 16px;
    gap: 2px;
    height: 100%;
  }
  .hd {
    display: flex;
    justify-content: space-between;
    white-space: nowrap;
  }
  button {
    font: 12px/18px inherit;
    font-family: inherit;
    color: var(--_ac);
    background: none;
    border: 1px solid var(--_bd);
    border-radius: 4px;
    padding: 0 8px;
    cursor: pointer;
  }
  .tw {
    overflow: auto;
  }
  table {
    border-collapse: collapse;
    font-size: 12px;
    line-height: 16px;
    width: 100%;
  }
  th,
  td {
    text-align: start;
    padding: 2px 6px;
    border-bottom: 1px solid var(--_bd);
  }
  caption {
    text-align: start;
  }
  .sr {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
  }
  .ft {
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
`;
