/** Styles the sunburst and the diagram share: toolbar, legend, the hover card, focus rings. */
import { css } from 'lit';

export const pictureStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 0;
    min-width: 0;
    gap: 6px;
    font-size: 14px;
    container-type: inline-size;
  }
  /* The picture beside its card, description and legend; under them on a narrow column. */
  .main {
    flex: 1;
    display: flex;
    min-height: 0;
    gap: 8px;
  }
  .side {
    flex: none;
    width: 250px;
    display: flex;
    flex-direction: column;
    gap: 8px;
    overflow-y: auto;
    padding-bottom: 8px;
  }
  @container (max-width: 640px) {
    .main {
      flex-direction: column;
    }
    .side {
      width: auto;
      max-height: 36%;
      overflow-y: auto;
    }
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px;
    padding: 6px 8px 0;
  }
  .toolbar .grow {
    flex: 1;
  }
  .toolbar button {
    min-height: 32px;
    padding: 4px 10px;
  }
  .crumbs {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px;
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: 13px;
  }
  .crumbs button {
    max-width: 14em;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .stage {
    position: relative;
    flex: 1;
    min-height: 220px;
    min-width: 0;
    overflow: hidden;
  }
  .stage > svg {
    display: block;
    width: 100%;
    height: 100%;
  }
  .stage {
    touch-action: none;
  }
  /* The diagram at full size in its own layer, moved and scaled by a CSS transform. */
  .canvas {
    position: absolute;
    left: 0;
    top: 0;
    transform-origin: 0 0;
    will-change: transform;
  }
  .canvas.still {
    will-change: auto;
  }
  .canvas > svg {
    display: block;
  }
  .card {
    margin: 0 8px;
    padding: 6px 10px;
    min-height: 2.9em;
    border: 1px solid var(--rule);
    border-radius: 6px;
    background: var(--panel);
    font-size: 13px;
    line-height: 1.4;
    overflow-wrap: anywhere;
    max-height: 12em;
    overflow: auto;
  }
  .card .kind {
    font-weight: 650;
  }
  .notice {
    margin: 0 8px;
    padding: 6px 10px;
    border-radius: 6px;
    background: #fff4e0;
    color: var(--warn-ink);
    font-size: 13px;
  }
  .description {
    margin: 0 8px;
    font-size: 13px;
    color: var(--muted);
  }
  .legend {
    display: flex;
    flex-direction: column;
    gap: 4px;
    padding: 0 8px 6px;
    font-size: 12px;
    color: var(--ink);
  }
  .legend-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 12px;
  }
  .legend-title {
    font-weight: 650;
  }
  .legend-item {
    display: inline-flex;
    align-items: center;
    gap: 3px;
    white-space: nowrap;
  }
  .legend-note {
    color: var(--muted);
  }
  .swatch {
    flex: none;
  }
  [role='treeitem'] {
    cursor: pointer;
    outline: none;
  }
  .ring {
    pointer-events: none;
  }
`;
