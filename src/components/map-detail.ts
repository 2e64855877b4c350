/**
 * The bodies of the map view's right-hand panel (the selected node, the sources, the evidence
 * gaps, the class), as one template function rendered into the view's own shadow root. All but
 * the selected node's panel load their code on first use (the view asks for it when the tab is
 * chosen), and the explanation of a standing once the page is idle after its first paint: their
 * elements upgrade when it arrives.
 */
import { html, type TemplateResult } from 'lit';
import { SEMANTICS_LABELS, type EvaluationSettings } from '../evaluation/index.js';
import type { ArgNode, MapBundle } from '../model/types.js';
import type { AnonymousMap } from '../state/anonymous-view.js';
import type { MenuItem } from '../state/command-runner.js';
import type { Derived } from '../state/derive.js';
import type { EditSession, SaveState } from '../state/edit-session.js';
import type { MapEditor } from '../state/editor.js';
import type { PanelId } from './map-panels.js';
import './node-detail.js';

/** One empty list, so a node without citations or ratings does not get a new array each render. */
const NO_ROWS: never[] = [];

/** What the panels show. */
export interface PanelOptions {
  panel: PanelId;
  mapId: string;
  derived: Derived;
  bundle: MapBundle;
  selectedId: string | undefined;
  perspective: string | undefined;
  anonymous: AnonymousMap | undefined;
  editor: MapEditor | undefined;
  settings: EvaluationSettings;
  /** The open editor, if any, and how its save stands. */
  session: EditSession | undefined;
  saveState: SaveState;
  problem: string | undefined;
  rater: string;
  /** The command buttons for the selected node. */
  actions: (node: ArgNode | undefined) => MenuItem[];
  onViewAs: (e: CustomEvent<{ person: string | undefined }>) => void;
}

/** What the right-hand panel shows: the selected node, the sources, the evidence gaps or the class. */
export function panelBody(o: PanelOptions): TemplateResult {
  const d = o.derived;
  const { bundle, perspective } = o;
  if (o.panel === 'gaps') {
    return html`<warrant-gap-report
      .tree=${d.tree}
      .citations=${bundle.citations}
      .evaluation=${d.evaluation}
      .base=${d.base}
      .perspectiveLabel=${perspective ?? 'everyone (mean)'}
    ></warrant-gap-report>`;
  }
  if (o.panel === 'class') {
    return html`<warrant-class-panel map-id=${o.mapId} @warrant-view-as=${o.onViewAs}></warrant-class-panel>`;
  }
  if (o.panel === 'sources') {
    return html`<warrant-sources-panel
      .editor=${o.editor}
      .sources=${d.bundle.sources}
      .citations=${d.bundle.citations}
      .nodes=${d.tree.byId}
    ></warrant-sources-panel>`;
  }
  const selected = o.selectedId ? d.tree.byId.get(o.selectedId) : undefined;
  const anon = o.anonymous;
  const who = (name: string): string => anon?.names.get(name) ?? name;
  const ratings = (selected && d.ratingsByNode.get(selected.id)) ?? NO_ROWS;
  const session = o.session;
  const editingHere = session && selected && session.id === selected.id ? session.field : undefined;
  return html`<warrant-node-detail
    .tree=${d.tree}
    .node=${anon && selected?.author !== undefined ? { ...selected, author: who(selected.author) } : selected}
    .allSources=${bundle.sources}
    .allCitations=${bundle.citations}
    .editor=${o.editor}
    .citations=${(selected && d.citationsByNode.get(selected.id)) ?? NO_ROWS}
    .ratings=${anon ? ratings.map((r) => ({ ...r, rater: who(r.rater) })) : ratings}
    .actions=${o.actions(selected)}
    .editing=${editingHere}
    ?isNew=${session?.isNew === true && editingHere !== undefined}
    .saveState=${o.saveState}
    .problem=${o.problem}
    .rater=${who(o.rater)}
    .perspective=${perspective && who(perspective)}
  >
    <warrant-explanation
      slot="explanation"
      .tree=${d.tree}
      .evaluation=${d.evaluation}
      .base=${d.base}
      .nodeId=${selected && !session?.isNew ? selected.id : undefined}
      .semanticsLabel=${SEMANTICS_LABELS[o.settings.semantics]}
    ></warrant-explanation>
  </warrant-node-detail>`;
}
