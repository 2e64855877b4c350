/**
 * The map view's left column as a template function rendered into the view's own shadow root:
 * the view switcher over the search box and the argument tree, or over a picture of the map
 * (<warrant-map-pictures>, whose code the view loads on first use). The tree stays mounted
 * (hidden) under a picture, so its scroll position and focus logic are there on the way back.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ArgNode, MapBundle } from '../model/types.js';
import type { Derived } from '../state/derive.js';
import type { SearchController } from '../state/search-state.js';
import type { PictureNodeDetail } from './picture-events.js';
import type { SearchChangeDetail } from './search-box.js';
import { viewTabs, type MapViewMode } from './view-tabs.js';

/** What the left column shows and where its events go. */
export interface TreeColumnOptions {
  mode: MapViewMode;
  chooseView(mode: MapViewMode): void;
  derived: Derived;
  bundle: MapBundle;
  search: SearchController;
  /** The raters offered as search filters (none in anonymous mode). */
  raters: readonly string[];
  expanded: ReadonlySet<string>;
  selectedId: string | undefined;
  cutId: string | undefined;
  /** In anonymous mode, the names rows show for authors (Student A ...). */
  anonymousNames: ReadonlyMap<string, string> | undefined;
  ensureSearchIndex(): void;
  /** A node of the map as the view has it now (the search box's results show its current text). */
  lookup(id: string): ArgNode | undefined;
  onSearchChange(e: CustomEvent<SearchChangeDetail>): void;
  onPictureSelect(e: CustomEvent<PictureNodeDetail>): void;
  onOpenInTree(e: CustomEvent<PictureNodeDetail>): void;
}

/** The left column: view tabs, then the search box and the tree, or a picture. */
export function treeColumn(o: TreeColumnOptions): TemplateResult {
  const { mode, derived: d, bundle, search } = o;
  return html`<div class="left" id="map-column">
    ${viewTabs(mode, o.chooseView)}
    <div
      class="tree-pane"
      ?hidden=${mode !== 'tree'}
      id=${mode === 'tree' ? 'view-panel' : nothing}
      role=${mode === 'tree' ? 'tabpanel' : nothing}
      aria-labelledby=${mode === 'tree' ? 'view-tab-tree' : nothing}
    >
      <warrant-search
        .index=${search.index}
        .version=${search.version}
        .lookup=${o.lookup}
        .raters=${o.raters}
        @focusin=${o.ensureSearchIndex}
        @warrant-search-wanted=${o.ensureSearchIndex}
        @warrant-search-change=${o.onSearchChange}
      ></warrant-search>
      <warrant-tree
        .tree=${d.tree}
        .expanded=${search.withMatchAncestors(o.expanded)}
        .only=${search.only}
        .matchIds=${search.matches}
        .selectedId=${o.selectedId}
        .metaOf=${d.metaOf}
        .links=${bundle.links}
        .anonymousNames=${o.anonymousNames}
        .cutId=${o.cutId}
        label="Argument map: ${bundle.map.title}"
      ></warrant-tree>
    </div>
    ${
      mode === 'tree'
        ? nothing
        : html`<warrant-map-pictures
            id="view-panel"
            role="tabpanel"
            aria-labelledby="view-tab-${mode}"
            .derived=${d}
            .mode=${mode}
            .selectedId=${o.selectedId}
            .mapTitle=${bundle.map.title}
            @warrant-select-node=${o.onPictureSelect}
            @warrant-open-in-tree=${o.onOpenInTree}
          ></warrant-map-pictures>`
    }
  </div>`;
}
